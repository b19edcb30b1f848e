# Signing in through the académie's identity providers (OpenID Connect, CAS).

login-with = Se connecter avec { $provider }
login-or = ou avec un mot de passe
login-sso-only = Les personnels de l’académie se connectent avec leur compte académique : utilisez le bouton ci-dessus.
sign-in-failed-title = Connexion impossible
sign-in-failed-again = Réessayer
sign-in-failed-help = Si le problème persiste, écrivez à l’EAFC en indiquant l’heure de votre tentative.
sso-unknown-provider = Ce moyen de connexion n’existe pas ou n’est plus proposé par l’académie.
sso-stale = Cette connexion a expiré ou a déjà été utilisée. Recommencez depuis la page de connexion, dans le même navigateur.
sso-provider-said = Le service d’authentification de l’académie n’a pas confirmé votre identité (connexion annulée ou refusée).
sso-unreachable = Le service d’authentification de l’académie ne répond pas pour le moment. Réessayez dans quelques minutes.
sso-ticket-refused = Le service d’authentification de l’académie a refusé de confirmer cette connexion. Recommencez depuis la page de connexion.
sso-token-expired = La réponse du service d’authentification a expiré. Recommencez depuis la page de connexion.
sso-token-replayed = Cette réponse du service d’authentification ne correspond pas à votre connexion. Recommencez depuis la page de connexion.
sso-token-invalid = La réponse du service d’authentification n’a pas pu être vérifiée : par sécurité, la connexion est refusée.
sso-refused-no-email = Le service d’authentification n’a pas transmis d’adresse électronique : votre compte ne peut pas être retrouvé.
sso-refused-domain = Votre adresse électronique n’appartient pas aux domaines que ce service d’authentification couvre.
sso-refused-unverified = Le service d’authentification ne garantit pas votre adresse électronique : votre compte ne peut pas lui être relié.
sso-refused-no-account = Aucun compte Hybride ne correspond à votre adresse électronique. Demandez à l’EAFC de vous en créer un.
sso-refused-inactive = Votre compte Hybride est désactivé. Adressez-vous à l’EAFC.

sign-in-settings-title = Connexion par l’académie
settings-about-sign-in = Les services d’authentification de l’académie (OpenID Connect, ProConnect, CAS) par lesquels les personnels se connectent, sans mot de passe Hybride.
sign-in-settings-lead = Chaque service déclaré ici ajoute un bouton à la page de connexion. Une première connexion relie le compte Hybride de même adresse électronique, si le service la garantit et qu’elle appartient à ses domaines.
sign-in-providers = Services déclarés
sign-in-none = Aucun service n’est déclaré : chacun se connecte avec son mot de passe ou par un lien reçu par courriel.
sign-in-new = Déclarer un service
sign-in-edit = Modifier le service
sign-in-slug = Identifiant court
sign-in-slug-hint = Lettres minuscules, chiffres et tirets, par exemple « academie » ; il figure dans les adresses de retour.
sign-in-protocol = Protocole
sign-in-protocol-oidc = OpenID Connect (ProConnect ou service de l’académie)
sign-in-protocol-cas = CAS 3.0
sign-in-label = Texte du bouton
sign-in-label-hint = Par exemple « Compte académique ».
sign-in-url = Adresse du service
sign-in-url-hint = Pour OpenID Connect, l’émetteur (issuer) ; pour CAS, l’adresse de base du serveur, par exemple « https://cas.ac-lyon.fr/cas ».
sign-in-client-id = Identifiant client (OpenID Connect)
sign-in-client-secret = Secret client (OpenID Connect)
sign-in-client-secret-hint = Jamais réaffiché. Laissez vide pour conserver le secret enregistré.
sign-in-claims = Informations transmises
sign-in-claims-hint = Nom des champs (claims OpenID Connect ou attributs CAS) qui donnent l’adresse, le prénom, le nom et l’établissement. Laissés vides : les noms standard.
sign-in-email-claim = Adresse électronique
sign-in-first-name-claim = Prénom
sign-in-last-name-claim = Nom
sign-in-establishment-claim = Établissement (UAI)
sign-in-domains = Domaines couverts
sign-in-domains-hint = Les domaines des adresses que ce service garantit, séparés par des virgules, par exemple « ac-lyon.fr ».
sign-in-newcomers = Personne sans compte Hybride
sign-in-newcomers-create_trainee = Lui créer un compte de stagiaire
sign-in-newcomers-refuse = Refuser la connexion et l’inviter à s’adresser à l’EAFC
sign-in-active = Proposé sur la page de connexion
sign-in-redirect = Adresse de retour à déclarer auprès du service :
sign-in-only = Les personnels (administration, pilotes, formateurs) se connectent uniquement par ces services
sign-in-only-hint = Leurs mots de passe Hybride ne sont alors plus acceptés (sauf en démonstration). Les stagiaires gardent le lien par courriel.
sign-in-only-save = Enregistrer ce choix
sign-in-status-active = proposé
sign-in-status-inactive = retiré
flash-provider-saved = Le service d’authentification est enregistré.
flash-sso-only-on = Les personnels se connectent désormais uniquement par les services de l’académie.
flash-sso-only-off = Les personnels peuvent de nouveau se connecter avec leur mot de passe.
refused-sso-only-without-provider = Déclarez et proposez d’abord un service d’authentification.
error-sign-in-protocol = Choisissez OpenID Connect ou CAS.
error-sign-in-newcomers = Choisissez ce qui arrive à une personne sans compte.
error-sign-in-domain = « { $value } » n’est pas un nom de domaine.
error-sign-in-domains-required = Indiquez au moins un domaine, par exemple « ac-lyon.fr ».
error-sign-in-domains-many = Indiquez au plus 50 domaines.
error-sign-in-slug = Utilisez de 2 à 40 lettres minuscules, chiffres ou tirets, sans tiret au début ni à la fin.
error-sign-in-slug-taken = Cet identifiant est déjà celui d’un autre service.
error-sign-in-url = Indiquez une adresse commençant par https://.
error-sign-in-url-https = L’adresse doit commencer par https:// (http n’est accepté que sur la machine même).
error-sign-in-claim = Un nom de champ, sans espace, d’au plus 100 caractères.
error-sign-in-client-id = Indiquez l’identifiant client fourni par le service (au plus 200 caractères).
error-sign-in-client-secret = Indiquez le secret client fourni par le service (au plus 500 caractères).

login-forgotten = Mot de passe oublié ?
forgotten-title = Mot de passe oublié
forgotten-intro = Indiquez l’adresse électronique de votre compte : si un compte avec mot de passe y correspond, vous recevrez un lien pour en choisir un nouveau.
forgotten-submit = Recevoir le lien
forgotten-sent = Si un compte avec mot de passe correspond à « { $email } », un lien vient d’y être envoyé. Il est valable 30 minutes.
reset-title = Choisir un nouveau mot de passe
reset-explain = Votre nouveau mot de passe remplace l’ancien ; vos sessions ouvertes sont fermées.
reset-submit = Enregistrer le mot de passe
reset-invalid = Ce lien n’est plus valable : il a déjà servi ou a expiré.
reset-ask-again = Demander un nouveau lien
flash-password-reset = Votre mot de passe est changé. Connectez-vous avec le nouveau.
refused-reset-link-invalid = Ce lien n’est plus valable : il a déjà servi ou a expiré.
mail-reset-subject = Choisir un nouveau mot de passe Hybride
mail-reset-body =
    Bonjour { $name },

    Pour choisir un nouveau mot de passe Hybride, ouvrez ce lien :
    { $link }

    Il est valable { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

tokens-title = Jetons d’accès à l’API
tokens-link = Vos jetons d’accès à l’API
tokens-lead = Un jeton permet à un logiciel (un tableur, un script de l’EAFC) de lire ou de modifier vos données dans Hybride à votre place, par l’API. Donnez-lui le moins de droits et la durée la plus courte possible ; révoquez-le dès qu’il ne sert plus.
tokens-secret-once = Voici le jeton. Copiez-le maintenant : il ne sera plus jamais affiché.
tokens-yours = Vos jetons
tokens-none = Vous n’avez aucun jeton.
tokens-label = Nom du jeton
tokens-label-hint = Pour vous rappeler à quoi il sert, par exemple « Tableau de bord du pôle ».
tokens-scope = Droits
tokens-scope-read = Lecture seule
tokens-scope-write = Lecture et modification
tokens-days = Durée de validité, en jours
tokens-days-hint = De 1 à { $max } { $max ->
    [one] jour
   *[other] jours
}.
tokens-created = Créé le
tokens-last-used = Dernière utilisation
tokens-never = jamais
tokens-expires = Expire le
tokens-state = État
tokens-revoked = révoqué
tokens-expired = expiré
tokens-revoke = Révoquer
tokens-revoke-named = Révoquer le jeton « { $label } »
tokens-new = Créer un jeton
tokens-create = Créer le jeton
flash-token-revoked = Le jeton est révoqué : il ne donne plus accès à rien.
refused-token-read-only = Ce jeton ne permet que la lecture.
error-token-scope = Choisissez la lecture seule ou la lecture et la modification.
error-token-days = Indiquez un nombre entier de jours, de 1 à { $value }.

# Logging out of a session opened through the académie's provider: on to its own logout.
logout-provider-title = Déconnexion
logout-provider-lead = Vous êtes déconnecté de Hybride. Votre navigateur vous déconnecte maintenant du service d’authentification de l’académie.
logout-provider-continue = Continuer la déconnexion auprès du service de l’académie

# A second factor after the password: a code from an authenticator app (TOTP), or a recovery code.

second-factor-title = Double authentification
second-factor-link = Double authentification
second-factor-lead = Après votre mot de passe, Hybride vous demande le code à six chiffres qu’affiche une application d’authentification sur votre téléphone (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…).
second-factor-required = Les comptes de gestionnaire EAFC donnent accès aux données de toute l’académie : la double authentification y est obligatoire. Activez-la pour continuer.
second-factor-step-app = Installez une application d’authentification sur votre téléphone.
second-factor-step-scan = Dans l’application, ajoutez un compte en lisant ce code QR :
second-factor-qr-label = Code QR à lire avec votre application d’authentification
second-factor-manual = Ou saisissez cette clé à la main :
second-factor-step-code = Saisissez le code à six chiffres que l’application affiche.
second-factor-code = Code de l’application
second-factor-code-hint = Six chiffres, par exemple 123456.
second-factor-confirm = Activer la double authentification
second-factor-codes-title = Vos codes de secours
second-factor-codes-once = { $count ->
    [one] Voici votre code de secours. Il ne sera plus affiché : imprimez-le ou notez-le, et rangez-le en lieu sûr. Il remplace une fois le code de l’application si vous perdez votre téléphone.
   *[other] Voici vos { $count } codes de secours. Ils ne seront plus affichés : imprimez-les ou notez-les, et rangez-les en lieu sûr. Chacun remplace une fois le code de l’application si vous perdez votre téléphone.
}
second-factor-continue = Continuer
second-factor-on = La double authentification est activée depuis le { $date }.
second-factor-codes-left = { $count ->
    [0] Il ne vous reste aucun code de secours : générez-en de nouveaux.
    [one] Il vous reste { $count } code de secours.
   *[other] Il vous reste { $count } codes de secours.
}
second-factor-regenerate-title = Nouveaux codes de secours
second-factor-regenerate-lead = Les codes de secours actuels cesseront aussitôt de fonctionner.
second-factor-regenerate = Générer de nouveaux codes
second-factor-current-code = Code de l’application ou code de secours
second-factor-disable-title = Désactiver la double authentification
second-factor-disable = Désactiver
second-factor-cannot-disable = La double authentification est obligatoire pour les gestionnaires EAFC qui se connectent avec un mot de passe : elle ne peut pas être désactivée.
second-factor-suggested = Protégez votre compte de gestionnaire : activez la double authentification. Hors démonstration, elle est obligatoire.
second-factor-suggested-link = Activer la double authentification
second-factor-abandon = Abandonner et se déconnecter
flash-second-factor-disabled = La double authentification est désactivée.
login-second-factor-title = Code de vérification
login-second-factor-lead = Saisissez le code à six chiffres qu’affiche votre application d’authentification.
login-second-factor-code = Code de vérification
login-second-factor-hint = Six chiffres, ou l’un de vos codes de secours si vous n’avez pas votre téléphone.
login-second-factor-submit = Valider
login-second-factor-cancel = Annuler et revenir à la connexion
error-second-factor-format = Saisissez les six chiffres affichés par l’application, ou un code de secours de seize caractères.
error-second-factor-app-code = Saisissez le code à six chiffres affiché par l’application, pas un code de secours.
error-second-factor-wrong = Ce code n’est pas valable : il est erroné, a expiré ou a déjà servi. Saisissez le code affiché en ce moment.
conflict-second_factor_enrolled = La double authentification est déjà activée.

# An admin resets the second factor of someone who lost their phone and their recovery codes.
second-factor-admin-on = Activée depuis le { $date }.
second-factor-admin-off = Pas activée.
second-factor-admin-own = Gérer votre propre double authentification
second-factor-admin-reset-lead = Si cette personne a perdu son téléphone et ses codes de secours, réinitialisez sa double authentification : elle l’activera de nouveau à sa prochaine connexion.
second-factor-admin-reset = Réinitialiser la double authentification
second-factor-reset-title = Réinitialiser la double authentification de { $name }
second-factor-reset-lead = Vérifiez d’abord, par un autre moyen que le courriel, que c’est bien cette personne qui le demande. Ensuite :
second-factor-reset-sessions = son application d’authentification et ses codes de secours cessent aussitôt de fonctionner, et ses sessions ouvertes se ferment ;
second-factor-reset-mail = un courriel la prévient, à l’adresse { $email } ;
second-factor-reset-enrol = à sa prochaine connexion par mot de passe, elle active de nouveau la double authentification (obligatoire pour une ou un gestionnaire EAFC) ;
second-factor-reset-audit = le journal d’audit garde votre nom et la date.
flash-second-factor-reset = La double authentification est réinitialisée ; la personne est prévenue par courriel.
refused-second-factor-reset-self = Votre propre double authentification se gère depuis votre page « Double authentification ».
refused-second-factor-none = Cette personne n’a pas de double authentification à réinitialiser.
mail-second-factor-reset-subject = Votre double authentification Hybride est réinitialisée
mail-second-factor-reset-body =
    Bonjour { $name },

    { $admin }, gestionnaire EAFC, a réinitialisé la double authentification de votre compte Hybride. Votre ancienne application d’authentification et vos codes de secours ne fonctionnent plus, et vos sessions ouvertes sont fermées.

    À votre prochaine connexion ({ $link }), Hybride vous demandera d’activer de nouveau la double authentification.

    Si vous n’avez rien demandé, prévenez l’EAFC sans attendre.

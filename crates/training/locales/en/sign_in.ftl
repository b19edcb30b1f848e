# Signing in through the académie's identity providers (OpenID Connect, CAS).

login-with = Sign in with { $provider }
login-or = or with a password
login-sso-only = The académie's staff sign in with their académie account: use the button above.
sign-in-failed-title = Signing in failed
sign-in-failed-again = Try again
sign-in-failed-help = If this keeps happening, write to the EAFC with the time you tried.
sso-unknown-provider = This way of signing in does not exist or is no longer offered by the académie.
sso-stale = This sign-in has expired or was already used. Start again from the login page, in the same browser.
sso-provider-said = The académie's sign-in service did not confirm who you are (sign-in cancelled or refused).
sso-unreachable = The académie's sign-in service is not answering right now. Try again in a few minutes.
sso-ticket-refused = The académie's sign-in service refused to confirm this sign-in. Start again from the login page.
sso-token-expired = The sign-in service's answer has expired. Start again from the login page.
sso-token-replayed = This answer from the sign-in service does not match your sign-in. Start again from the login page.
sso-token-invalid = The sign-in service's answer could not be verified: for safety, signing in is refused.
sso-refused-no-email = The sign-in service sent no e-mail address: your account cannot be found.
sso-refused-domain = Your e-mail address is not in the domains this sign-in service covers.
sso-refused-unverified = The sign-in service does not vouch for your e-mail address: your account cannot be linked to it.
sso-refused-no-account = No Hybride account has your e-mail address. Ask the EAFC to create one.
sso-refused-inactive = Your Hybride account is deactivated. Contact the EAFC.

sign-in-settings-title = Signing in through the académie
settings-about-sign-in = The académie's sign-in services (OpenID Connect, ProConnect, CAS) through which staff sign in, without a Hybride password.
sign-in-settings-lead = Each service declared here adds a button to the login page. A first sign-in links the Hybride account with the same e-mail address, if the service vouches for it and it is in its domains.
sign-in-providers = Declared services
sign-in-none = No service is declared: everyone signs in with their password or with a link sent by e-mail.
sign-in-new = Declare a service
sign-in-edit = Change the service
sign-in-slug = Short name
sign-in-slug-hint = Lower-case letters, digits and hyphens, for example "academie"; it appears in the return addresses.
sign-in-protocol = Protocol
sign-in-protocol-oidc = OpenID Connect (ProConnect or the académie's own service)
sign-in-protocol-cas = CAS 3.0
sign-in-label = Button text
sign-in-label-hint = For example "Académie account".
sign-in-url = Service address
sign-in-url-hint = For OpenID Connect, the issuer; for CAS, the server's base address, for example "https://cas.ac-lyon.fr/cas".
sign-in-client-id = Client identifier (OpenID Connect)
sign-in-client-secret = Client secret (OpenID Connect)
sign-in-client-secret-hint = Never shown again. Leave empty to keep the stored secret.
sign-in-claims = Information sent
sign-in-claims-hint = The names of the fields (OpenID Connect claims or CAS attributes) giving the e-mail address, first name, last name and establishment. Left empty: the standard names.
sign-in-email-claim = E-mail address
sign-in-first-name-claim = First name
sign-in-last-name-claim = Last name
sign-in-establishment-claim = Establishment (UAI)
sign-in-domains = Domains covered
sign-in-domains-hint = The domains of the addresses this service vouches for, separated by commas, for example "ac-lyon.fr".
sign-in-newcomers = Someone without a Hybride account
sign-in-newcomers-create_trainee = Create a trainee account for them
sign-in-newcomers-refuse = Refuse, and ask them to contact the EAFC
sign-in-active = Offered on the login page
sign-in-redirect = Return address to declare to the service:
sign-in-only = Staff (administration, pilots, trainers) sign in only through these services
sign-in-only-hint = Their Hybride passwords are then no longer accepted (except in the demo). Trainees keep the link by e-mail.
sign-in-only-save = Save this choice
sign-in-status-active = offered
sign-in-status-inactive = withdrawn
flash-provider-saved = The sign-in service is saved.
flash-sso-only-on = Staff now sign in only through the académie's services.
flash-sso-only-off = Staff may sign in with their password again.
refused-sso-only-without-provider = First declare and offer a sign-in service.
error-sign-in-protocol = Choose OpenID Connect or CAS.
error-sign-in-newcomers = Choose what happens to someone without an account.
error-sign-in-domain = "{ $value }" is not a domain name.
error-sign-in-domains-required = Give at least one domain, for example "ac-lyon.fr".
error-sign-in-domains-many = Give at most 50 domains.
error-sign-in-slug = Use 2 to 40 lower-case letters, digits or hyphens, with no hyphen at either end.
error-sign-in-slug-taken = Another service already has this short name.
error-sign-in-url = Give an address starting with https://.
error-sign-in-url-https = The address must start with https:// (http is accepted only on this machine).
error-sign-in-claim = A field name, without spaces, at most 100 characters.
error-sign-in-client-id = Give the client identifier the service provided (at most 200 characters).
error-sign-in-client-secret = Give the client secret the service provided (at most 500 characters).

login-forgotten = Forgotten password?
forgotten-title = Forgotten password
forgotten-intro = Give your account's e-mail address: if an account with a password has it, you will receive a link to choose a new one.
forgotten-submit = Send me the link
forgotten-sent = If an account with a password has the address "{ $email }", a link has just been sent to it. It is valid for 30 minutes.
reset-title = Choose a new password
reset-explain = Your new password replaces the old one; your open sessions are closed.
reset-submit = Save the password
reset-invalid = This link is no longer valid: it was already used or has expired.
reset-ask-again = Ask for a new link
flash-password-reset = Your password is changed. Sign in with the new one.
refused-reset-link-invalid = This link is no longer valid: it was already used or has expired.
mail-reset-subject = Choose a new Hybride password
mail-reset-body =
    Hello { $name },

    To choose a new Hybride password, open this link:
    { $link }

    It is valid for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and works only once. If you asked for nothing, ignore this message: your password does not change.

tokens-title = API access tokens
tokens-link = Your API access tokens
tokens-lead = A token lets a program (a spreadsheet, an EAFC script) read or change your data in Hybride on your behalf, through the API. Give it the fewest rights and the shortest life you can; revoke it as soon as it is no longer used.
tokens-secret-once = Here is the token. Copy it now: it will never be shown again.
tokens-yours = Your tokens
tokens-none = You have no token.
tokens-label = Token name
tokens-label-hint = To remind you what it is for, for example "Team dashboard".
tokens-scope = Rights
tokens-scope-read = Read only
tokens-scope-write = Read and change
tokens-days = Valid for, in days
tokens-days-hint = From 1 to { $max } { $max ->
    [one] day
   *[other] days
}.
tokens-created = Created
tokens-last-used = Last used
tokens-never = never
tokens-expires = Expires
tokens-state = State
tokens-revoked = revoked
tokens-expired = expired
tokens-revoke = Revoke
tokens-revoke-named = Revoke the token "{ $label }"
tokens-new = Create a token
tokens-create = Create the token
flash-token-revoked = The token is revoked: it no longer gives access to anything.
refused-token-read-only = This token may only read.
error-token-scope = Choose read only, or read and change.
error-token-days = Give a whole number of days, from 1 to { $value }.

# Logging out of a session opened through the académie's provider: on to its own logout.
logout-provider-title = Logging out
logout-provider-lead = You are logged out of Hybride. Your browser now logs you out of the académie's sign-in service.
logout-provider-continue = Go on logging out at the académie's service

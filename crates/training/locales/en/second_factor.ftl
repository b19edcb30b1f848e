# A second factor after the password: a code from an authenticator app (TOTP), or a recovery code.

second-factor-title = Two-factor authentication
second-factor-link = Two-factor authentication
second-factor-lead = After your password, Hybride asks for the six-digit code shown by an authenticator app on your phone (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…).
second-factor-required = EAFC administrator accounts reach the data of the whole académie: two-factor authentication is mandatory for them. Turn it on to go on.
second-factor-step-app = Install an authenticator app on your phone.
second-factor-step-scan = In the app, add an account by scanning this QR code:
second-factor-qr-label = QR code to scan with your authenticator app
second-factor-manual = Or type this key by hand:
second-factor-step-code = Type the six-digit code the app shows.
second-factor-code = Code from the app
second-factor-code-hint = Six digits, for example 123456.
second-factor-confirm = Turn on two-factor authentication
second-factor-codes-title = Your recovery codes
second-factor-codes-once = { $count ->
    [one] Here is your recovery code. It will not be shown again: print it or write it down, and keep it somewhere safe. It stands in once for the app's code if you lose your phone.
   *[other] Here are your { $count } recovery codes. They will not be shown again: print them or write them down, and keep them somewhere safe. Each stands in once for the app's code if you lose your phone.
}
second-factor-continue = Continue
second-factor-on = Two-factor authentication has been on since { $date }.
second-factor-codes-left = { $count ->
    [0] You have no recovery code left: generate new ones.
    [one] You have { $count } recovery code left.
   *[other] You have { $count } recovery codes left.
}
second-factor-regenerate-title = New recovery codes
second-factor-regenerate-lead = Your current recovery codes will stop working at once.
second-factor-regenerate = Generate new codes
second-factor-current-code = Code from the app, or a recovery code
second-factor-disable-title = Turn off two-factor authentication
second-factor-disable = Turn off
second-factor-cannot-disable = Two-factor authentication is mandatory for EAFC administrators who sign in with a password: it cannot be turned off.
second-factor-suggested = Protect your administrator account: turn on two-factor authentication. Outside the demo, it is mandatory.
second-factor-suggested-link = Turn on two-factor authentication
second-factor-abandon = Give up and log out
flash-second-factor-disabled = Two-factor authentication is off.
login-second-factor-title = Verification code
login-second-factor-lead = Type the six-digit code your authenticator app shows.
login-second-factor-code = Verification code
login-second-factor-hint = Six digits, or one of your recovery codes if you do not have your phone.
login-second-factor-submit = Confirm
login-second-factor-cancel = Cancel and go back to the login page
error-second-factor-format = Type the six digits shown by the app, or a sixteen-character recovery code.
error-second-factor-app-code = Type the six-digit code shown by the app, not a recovery code.
error-second-factor-wrong = This code is not valid: it is wrong, has expired or was used already. Type the code shown right now.
conflict-second_factor_enrolled = Two-factor authentication is on already.

# An admin resets the second factor of someone who lost their phone and their recovery codes.
second-factor-admin-on = On since { $date }.
second-factor-admin-off = Not on.
second-factor-admin-own = Manage your own two-factor authentication
second-factor-admin-reset-lead = If this person lost their phone and their recovery codes, reset their two-factor authentication: they will turn it on again at their next sign-in.
second-factor-admin-reset = Reset two-factor authentication
second-factor-reset-title = Reset the two-factor authentication of { $name }
second-factor-reset-lead = First check, by another way than e-mail, that this person is asking. Then:
second-factor-reset-sessions = their authenticator app and recovery codes stop working at once, and their open sessions end;
second-factor-reset-mail = an e-mail tells them, at { $email };
second-factor-reset-enrol = at their next sign-in with a password they turn two-factor authentication on again (an EAFC administrator must);
second-factor-reset-audit = the audit log keeps your name and the date.
flash-second-factor-reset = Two-factor authentication is reset; the person is told by e-mail.
refused-second-factor-reset-self = Your own two-factor authentication is managed from your « Two-factor authentication » page.
refused-second-factor-none = This person has no two-factor authentication to reset.
mail-second-factor-reset-subject = Your Hybride two-factor authentication is reset
mail-second-factor-reset-body =
    Hello { $name },

    { $admin }, EAFC administrator, reset the two-factor authentication of your Hybride account. Your former authenticator app and recovery codes no longer work, and your open sessions have ended.

    At your next sign-in ({ $link }), Hybride will ask you to turn two-factor authentication on again.

    If you did not ask for this, tell the EAFC at once.

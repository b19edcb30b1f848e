# Tester son équipement avant une classe virtuelle : micro, haut-parleurs, caméra, partage d’écran, connexion.
equipment-title = Tester mon équipement
equipment-lead = Vérifiez en quelques minutes que votre micro, vos haut-parleurs, votre caméra, le partage d’écran et votre connexion sont prêts pour une classe virtuelle.
equipment-why-title = Pourquoi ce test ?
equipment-why-charter = La charte académique de la formation hybride demande aux formateurs et aux formatrices de préparer et de tester le matériel nécessaire à la classe virtuelle (qualité du son et affichage des contenus de formation) avant la première activité synchrone. Le test enregistré ici en apporte la preuve dans la liste de vérification de la session.
equipment-why-trainees = Les stagiaires peuvent aussi tester leur équipement, pour suivre les classes virtuelles dans de bonnes conditions.
equipment-why-ready = Un test est « prêt pour animer » quand le micro, les haut-parleurs et le partage d’écran fonctionnent ; la caméra est bienvenue mais pas indispensable.
equipment-why-privacy = Aucun son ni aucune image ne quitte votre ordinateur : seuls les résultats et le nom de votre navigateur sont enregistrés, et seulement quand vous le demandez.
equipment-how = Lancez chaque test avec son bouton et autorisez l’accès au micro, à la caméra ou à l’écran quand votre navigateur le demande. Si un test ne peut pas se faire automatiquement, indiquez vous-même son résultat.
equipment-noscript = Les tests automatiques demandent JavaScript, qui est désactivé dans votre navigateur. Vous pouvez tout de même consulter vos tests précédents.

equipment-result-ok = Fonctionne
equipment-result-failed = Ne fonctionne pas
equipment-result-skipped = Non testé

equipment-insecure = Ce test demande une connexion sécurisée (adresse commençant par https://). Signalez-le à l’EAFC.
equipment-unsupported = Votre navigateur ne permet pas ce test. Essayez avec une version récente de Firefox, Chrome, Edge ou Safari.
equipment-busy = Le périphérique est déjà utilisé par une autre application ou bloqué par le système. Fermez les autres applications de visioconférence, puis relancez le test.
equipment-failed-generic = Le test n’a pas pu aboutir (erreur { $error }). Relancez-le ; si le problème persiste, indiquez vous-même le résultat.

equipment-microphone-title = Micro
equipment-microphone-help = Lancez le test, puis parlez normalement pendant quelques secondes : la jauge doit bouger quand vous parlez.
equipment-microphone-start = Tester le micro
equipment-microphone-stop = Arrêter le test du micro
equipment-microphone-level = Niveau sonore capté par le micro
equipment-microphone-result = Résultat du test du micro
equipment-microphone-waiting = Autorisez l’accès au micro si votre navigateur vous le demande.
equipment-microphone-listening = Micro ouvert : parlez pendant quelques secondes. Le test s’arrête de lui-même au bout de 15 secondes.
equipment-microphone-heard = Votre voix est détectée.
equipment-microphone-ok = Son détecté : le micro fonctionne. Si la jauge n’a pas bougé avec votre voix, corrigez le résultat ci-dessous.
equipment-microphone-silent = Aucun son détecté. Vérifiez que le bon micro est choisi et qu’il n’est pas coupé, puis relancez le test.
equipment-microphone-denied = L’accès au micro a été refusé. Autorisez-le dans les réglages du navigateur (souvent l’icône à gauche de l’adresse), puis relancez le test.
equipment-microphone-missing = Aucun micro n’a été trouvé. Branchez-en un, puis relancez le test.

equipment-speakers-title = Haut-parleurs ou casque
equipment-speakers-help = Réglez le volume à un niveau moyen, puis jouez le son de test : une note continue (la 440 Hz) pendant une seconde et demie.
equipment-speakers-start = Jouer le son de test
equipment-speakers-question = Avez-vous entendu le son ?
equipment-speakers-yes = Oui, je l’ai entendu
equipment-speakers-no = Non, je n’ai rien entendu
equipment-speakers-result = Résultat du test des haut-parleurs
equipment-speakers-playing = Son de test en cours de lecture…
equipment-speakers-asked = Le son de test est terminé. Avez-vous entendu le son ? Répondez avec les boutons « Oui » ou « Non ».
equipment-speakers-ok = Les haut-parleurs ou le casque fonctionnent.
equipment-speakers-failed = Vérifiez le volume, la sortie audio choisie et le branchement du casque, puis rejouez le son.
equipment-speakers-unsupported = Votre navigateur ne permet pas de jouer le son de test. Écoutez une vidéo, puis indiquez vous-même le résultat.

equipment-camera-title = Caméra
equipment-camera-help = Lancez le test : l’image de votre caméra s’affiche ici, sans être enregistrée ni envoyée.
equipment-camera-start = Tester la caméra
equipment-camera-stop = Arrêter la caméra
equipment-camera-preview = Aperçu de l’image de votre caméra (rien n’est enregistré)
equipment-camera-result = Résultat du test de la caméra
equipment-camera-waiting = Autorisez l’accès à la caméra si votre navigateur vous le demande.
equipment-camera-on = La caméra fonctionne : votre image s’affiche ci-dessous. Si elle reste noire, choisissez « Ne fonctionne pas ».
equipment-camera-stopped = Caméra arrêtée.
equipment-camera-denied = L’accès à la caméra a été refusé. Autorisez-le dans les réglages du navigateur (souvent l’icône à gauche de l’adresse), puis relancez le test.
equipment-camera-missing = Aucune caméra n’a été trouvée. Branchez-en une, puis relancez le test.

equipment-screen-title = Partage d’écran
equipment-screen-help = Lancez le test, puis choisissez un écran, une fenêtre ou un onglet : l’aperçu s’affiche ici, sans être enregistré ni envoyé. Le partage d’écran sert à montrer vos contenus de formation.
equipment-screen-start = Tester le partage d’écran
equipment-screen-stop = Arrêter le partage
equipment-screen-preview = Aperçu de l’écran partagé (rien n’est enregistré)
equipment-screen-result = Résultat du test du partage d’écran
equipment-screen-waiting = Choisissez l’écran, la fenêtre ou l’onglet à partager dans la fenêtre ouverte par votre navigateur.
equipment-screen-on = Le partage d’écran fonctionne : l’aperçu s’affiche ci-dessous.
equipment-screen-stopped = Partage d’écran arrêté.
equipment-screen-denied = Le partage d’écran a été annulé ou refusé. Sur macOS, autorisez l’enregistrement de l’écran pour votre navigateur dans les réglages du système, puis relancez le test.
equipment-screen-unsupported = Votre navigateur ne permet pas de partager l’écran, ce qui est fréquent sur tablette et téléphone. Pour animer une classe virtuelle, utilisez un ordinateur.

equipment-rtt-title = Temps d’aller-retour vers le serveur
equipment-rtt-help = Mesure le temps que met une petite requête pour aller jusqu’au serveur et revenir (10 essais, valeur médiane). Plus il est court, plus la classe virtuelle sera fluide.
equipment-rtt-start = Mesurer le temps d’aller-retour
equipment-rtt-result-label = Résultat de la mesure :
equipment-rtt-none = Non mesuré
equipment-rtt-running = Mesure en cours…
equipment-rtt-value = Temps d’aller-retour médian : { $ms } ms (10 mesures).
equipment-rtt-good = Bonne connexion pour une classe virtuelle.
equipment-rtt-fair = Connexion correcte ; l’image peut parfois être saccadée.
equipment-rtt-slow = Connexion lente : préférez un câble réseau ou rapprochez-vous de la box, et coupez votre caméra pendant la classe virtuelle.
equipment-rtt-failed = La mesure a échoué : le serveur n’a pas répondu. Vérifiez votre connexion à Internet, puis relancez la mesure.
equipment-ms = { $ms } ms

equipment-save-title = Enregistrer le résultat
equipment-save-help = Les résultats choisis ci-dessus sont enregistrés avec la date et le nom de votre navigateur. Vous pouvez refaire les tests et les enregistrer autant de fois que vous le souhaitez.
equipment-save = Enregistrer le résultat
equipment-saving = Enregistrement en cours…
equipment-saved = Résultat enregistré le { $when }.
equipment-save-failed = L’enregistrement a échoué : { $reason }
equipment-save-offline = L’enregistrement a échoué : le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.

equipment-history-title = Vos tests précédents
equipment-history-caption = Vos 10 derniers tests enregistrés, du plus récent au plus ancien
equipment-history-empty = Aucun test enregistré pour l’instant.
equipment-history-date = Date
equipment-history-round-trip = Aller-retour
equipment-history-verdict = Bilan
equipment-history-browser = Navigateur
equipment-history-when = { $day } à { $time }
equipment-ready = Prêt pour animer
equipment-not-ready = Pas encore prêt pour animer
equipment-browser-unknown = Inconnu

equipment-error-result = Résultat inconnu : « { $value } ». Valeurs possibles : ok, failed, skipped.
equipment-error-round-trip = Temps d’aller-retour invalide : { $value } ms au plus.

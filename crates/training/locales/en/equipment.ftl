# Testing one's equipment before a virtual class: microphone, speakers, camera, screen sharing, connection.
equipment-title = Test my equipment
equipment-lead = Check in a few minutes that your microphone, speakers, camera, screen sharing and connection are ready for a virtual class.
equipment-why-title = Why this test?
equipment-why-charter = The académie’s hybrid training charter asks trainers to prepare and test the equipment a virtual class needs (sound quality and display of the training contents) before the first synchronous activity. A test saved here is the proof of it in the session’s checklist.
equipment-why-trainees = Trainees may test their equipment too, to follow virtual classes in good conditions.
equipment-why-ready = A test is “ready to lead” when the microphone, the speakers and screen sharing work; the camera is welcome but not required.
equipment-why-privacy = No sound or picture leaves your computer: only the results and your browser’s name are saved, and only when you ask.
equipment-how = Start each test with its button, and allow access to the microphone, camera or screen when your browser asks. If a test cannot be run automatically, set its result yourself.
equipment-noscript = The automatic tests need JavaScript, which is turned off in your browser. You can still see your previous tests.

equipment-result-ok = Works
equipment-result-failed = Does not work
equipment-result-skipped = Not tested

equipment-insecure = This test needs a secure connection (an address starting with https://). Please tell the EAFC.
equipment-unsupported = Your browser does not allow this test. Try a recent version of Firefox, Chrome, Edge or Safari.
equipment-busy = The device is already used by another application or blocked by the system. Close other video-conferencing applications, then start the test again.
equipment-failed-generic = The test could not complete (error { $error }). Start it again; if the problem persists, set the result yourself.

equipment-microphone-title = Microphone
equipment-microphone-help = Start the test, then speak normally for a few seconds: the meter should move when you speak.
equipment-microphone-start = Test the microphone
equipment-microphone-stop = Stop the microphone test
equipment-microphone-level = Sound level picked up by the microphone
equipment-microphone-result = Microphone test result
equipment-microphone-waiting = Allow access to the microphone if your browser asks.
equipment-microphone-listening = Microphone on: speak for a few seconds. The test stops by itself after 15 seconds.
equipment-microphone-heard = Your voice is detected.
equipment-microphone-ok = Sound detected: the microphone works. If the meter did not move with your voice, correct the result below.
equipment-microphone-silent = No sound detected. Check that the right microphone is selected and not muted, then start the test again.
equipment-microphone-denied = Access to the microphone was refused. Allow it in the browser’s settings (often the icon left of the address), then start the test again.
equipment-microphone-missing = No microphone was found. Plug one in, then start the test again.

equipment-speakers-title = Speakers or headset
equipment-speakers-help = Set the volume to a medium level, then play the test sound: a steady note (A 440 Hz) for one and a half seconds.
equipment-speakers-start = Play the test sound
equipment-speakers-question = Did you hear the sound?
equipment-speakers-yes = Yes, I heard it
equipment-speakers-no = No, I heard nothing
equipment-speakers-result = Speakers test result
equipment-speakers-playing = Playing the test sound…
equipment-speakers-asked = The test sound has ended. Did you hear the sound? Answer with the “Yes” or “No” buttons.
equipment-speakers-ok = The speakers or headset work.
equipment-speakers-failed = Check the volume, the selected audio output and the headset’s plug, then play the sound again.
equipment-speakers-unsupported = Your browser cannot play the test sound. Listen to a video, then set the result yourself.

equipment-camera-title = Camera
equipment-camera-help = Start the test: your camera’s picture shows here, neither recorded nor sent.
equipment-camera-start = Test the camera
equipment-camera-stop = Stop the camera
equipment-camera-preview = Preview of your camera’s picture (nothing is recorded)
equipment-camera-result = Camera test result
equipment-camera-waiting = Allow access to the camera if your browser asks.
equipment-camera-on = The camera works: your picture shows below. If it stays black, choose “Does not work”.
equipment-camera-stopped = Camera stopped.
equipment-camera-denied = Access to the camera was refused. Allow it in the browser’s settings (often the icon left of the address), then start the test again.
equipment-camera-missing = No camera was found. Plug one in, then start the test again.

equipment-screen-title = Screen sharing
equipment-screen-help = Start the test, then choose a screen, a window or a tab: the preview shows here, neither recorded nor sent. Screen sharing is how you show your training contents.
equipment-screen-start = Test screen sharing
equipment-screen-stop = Stop sharing
equipment-screen-preview = Preview of the shared screen (nothing is recorded)
equipment-screen-result = Screen sharing test result
equipment-screen-waiting = Choose the screen, window or tab to share in the dialog your browser opened.
equipment-screen-on = Screen sharing works: the preview shows below.
equipment-screen-stopped = Screen sharing stopped.
equipment-screen-denied = Screen sharing was cancelled or refused. On macOS, allow screen recording for your browser in the system settings, then start the test again.
equipment-screen-unsupported = Your browser cannot share the screen, which is common on tablets and phones. To lead a virtual class, use a computer.

equipment-rtt-title = Round-trip time to the server
equipment-rtt-help = Measures how long a small request takes to reach the server and come back (10 tries, median value). The shorter, the smoother the virtual class.
equipment-rtt-start = Measure the round-trip time
equipment-rtt-result-label = Result of the measure:
equipment-rtt-none = Not measured
equipment-rtt-running = Measuring…
equipment-rtt-value = Median round-trip time: { $ms } ms (10 measures).
equipment-rtt-good = A good connection for a virtual class.
equipment-rtt-fair = A fair connection; the picture may stutter now and then.
equipment-rtt-slow = A slow connection: prefer a network cable or move closer to the router, and turn your camera off during the virtual class.
equipment-rtt-failed = The measure failed: the server did not answer. Check your Internet connection, then measure again.
equipment-ms = { $ms } ms

equipment-save-title = Save the result
equipment-save-help = The results chosen above are saved with the date and your browser’s name. You may run the tests and save them as often as you wish.
equipment-save = Save the result
equipment-saving = Saving…
equipment-saved = Result saved on { $when }.
equipment-save-failed = Saving failed: { $reason }
equipment-save-offline = Saving failed: the server does not answer. Check your connection, then try again.

equipment-history-title = Your previous tests
equipment-history-caption = Your last 10 saved tests, most recent first
equipment-history-empty = No test saved yet.
equipment-history-date = Date
equipment-history-round-trip = Round trip
equipment-history-verdict = Verdict
equipment-history-browser = Browser
equipment-history-when = { $day } at { $time }
equipment-ready = Ready to lead
equipment-not-ready = Not yet ready to lead
equipment-browser-unknown = Unknown

equipment-error-result = Unknown result: “{ $value }”. Possible values: ok, failed, skipped.
equipment-error-round-trip = Invalid round-trip time: { $value } ms at most.

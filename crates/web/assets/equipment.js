// The equipment test page: microphone, speakers, camera, screen sharing and round-trip time,
// tested in the browser, then saved through /api/v1/equipment-checks.
//
// Every text shown comes from the page (data-msg-* attributes rendered from the locale files),
// so the page works in each language. The Content-Security-Policy forbids inline code and
// styles: this file only toggles `hidden` attributes and classes.
(function () {
  'use strict';

  var root = document.getElementById('equipment');
  if (!root) {
    return;
  }

  // Microphone: the level meter runs from -60 dBFS (0) to 0 dBFS (100); a voice is heard when
  // the level stays above HEARD_LEVEL for a few frames, so that one click does not count.
  var MIC_SECONDS = 15;
  var HEARD_LEVEL = 40;
  var HEARD_FRAMES = 5;
  var TONE_SECONDS = 1.5;
  var TONE_HZ = 440;
  var RTT_TRIES = 10;
  var RTT_MAX_MS = 60000;

  // `msg('rtt-value', {ms: 12})` reads data-msg-rtt-value and fills in `{ms}`.
  function msg(name, vars) {
    var key = 'msg' + name.split('-').map(function (p) {
      return p.charAt(0).toUpperCase() + p.slice(1);
    }).join('');
    var text = root.dataset[key] || '';
    Object.keys(vars || {}).forEach(function (k) {
      text = text.split('{' + k + '}').join(String(vars[k]));
    });
    return text;
  }

  // Writes into a live region; the same text twice is announced twice.
  function say(region, text) {
    if (region.textContent === text) {
      region.textContent = '';
      window.setTimeout(function () {
        region.textContent = text;
      }, 100);
    } else {
      region.textContent = text;
    }
  }

  function test(name) {
    var section = root.querySelector('[data-test="' + name + '"]');
    return {
      name: name,
      section: section,
      start: section.querySelector('[data-start]'),
      stop: section.querySelector('[data-stop]'),
      live: section.querySelector('[data-live-part]'),
      message: section.querySelector('[data-message]'),
    };
  }

  function showResult(t) {
    var checked = t.section.querySelector('input[type="radio"]:checked');
    var value = checked ? checked.value : 'skipped';
    t.section.classList.toggle('is-ok', value === 'ok');
    t.section.classList.toggle('is-failed', value === 'failed');
  }

  function setResult(t, value) {
    var input = t.section.querySelector('input[type="radio"][value="' + value + '"]');
    if (input) {
      input.checked = true;
    }
    showResult(t);
  }

  function result(name) {
    var checked = root.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : 'skipped';
  }

  // Shows or hides what belongs to a running test; focus never stays on a hidden button.
  function running(t, on) {
    if (t.stop) {
      if (!on && document.activeElement === t.stop) {
        t.start.focus();
      }
      t.stop.hidden = !on;
    }
    if (t.live) {
      t.live.hidden = !on;
    }
  }

  function stopTracks(stream) {
    stream.getTracks().forEach(function (track) {
      track.stop();
    });
  }

  function audioContextClass() {
    return window.AudioContext || window.webkitAudioContext || null;
  }

  // Why a media test cannot run at all here, or null.
  function mediaUnavailable(display) {
    if (!window.isSecureContext) {
      return msg('insecure');
    }
    var md = navigator.mediaDevices;
    if (display) {
      return md && typeof md.getDisplayMedia === 'function' ? null : msg('screen-unsupported');
    }
    return md && typeof md.getUserMedia === 'function' ? null : msg('unsupported');
  }

  // A clear message for a refused getUserMedia or getDisplayMedia.
  function mediaProblem(err, device) {
    var name = (err && err.name) || 'Error';
    switch (name) {
      case 'NotAllowedError':
      case 'PermissionDeniedError':
      case 'SecurityError':
        return msg(device + '-denied');
      case 'NotFoundError':
      case 'DevicesNotFoundError':
      case 'OverconstrainedError':
        return device === 'screen' ? msg('screen-unsupported') : msg(device + '-missing');
      case 'NotReadableError':
      case 'TrackStartError':
      case 'AbortError':
        return msg('busy');
      default:
        return msg('error', { error: name });
    }
  }

  // ---- Microphone -------------------------------------------------------------------------

  var micTest = test('microphone');
  var meter = micTest.section.querySelector('meter');
  var mic = { stream: null, ctx: null, frame: 0, timer: 0, loud: 0, heard: false, starting: false };

  function level(analyser, samples) {
    var sum = 0;
    if (samples instanceof Float32Array) {
      analyser.getFloatTimeDomainData(samples);
      for (var i = 0; i < samples.length; i++) {
        sum += samples[i] * samples[i];
      }
    } else {
      analyser.getByteTimeDomainData(samples);
      for (var j = 0; j < samples.length; j++) {
        var v = (samples[j] - 128) / 128;
        sum += v * v;
      }
    }
    var rms = Math.sqrt(sum / samples.length);
    if (rms <= 0) {
      return 0;
    }
    var db = 20 * Math.log10(rms);
    return Math.max(0, Math.min(100, Math.round(((db + 60) / 60) * 100)));
  }

  function stopMic() {
    if (!mic.stream) {
      return;
    }
    window.cancelAnimationFrame(mic.frame);
    window.clearTimeout(mic.timer);
    stopTracks(mic.stream);
    mic.stream = null;
    if (mic.ctx) {
      mic.ctx.close();
      mic.ctx = null;
    }
    meter.value = 0;
    running(micTest, false);
    setResult(micTest, mic.heard ? 'ok' : 'failed');
    say(micTest.message, msg(mic.heard ? 'microphone-ok' : 'microphone-silent'));
  }

  function startMic() {
    if (mic.stream || mic.starting) {
      return;
    }
    var problem = mediaUnavailable(false);
    var AudioContextClass = audioContextClass();
    if (!problem && !AudioContextClass) {
      problem = msg('unsupported');
    }
    if (problem) {
      setResult(micTest, 'failed');
      say(micTest.message, problem);
      return;
    }
    // Created during the click, so that the browser lets it run.
    var ctx = new AudioContextClass();
    mic.starting = true;
    say(micTest.message, msg('microphone-waiting'));
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      mic.starting = false;
      mic.stream = stream;
      mic.ctx = ctx;
      mic.heard = false;
      mic.loud = 0;
      if (ctx.state === 'suspended') {
        ctx.resume();
      }
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      ctx.createMediaStreamSource(stream).connect(analyser);
      var samples = typeof analyser.getFloatTimeDomainData === 'function'
        ? new Float32Array(analyser.fftSize)
        : new Uint8Array(analyser.fftSize);
      var tick = function () {
        if (!mic.stream) {
          return;
        }
        var l = level(analyser, samples);
        meter.value = l;
        mic.loud = l >= HEARD_LEVEL ? mic.loud + 1 : 0;
        if (!mic.heard && mic.loud >= HEARD_FRAMES) {
          mic.heard = true;
          setResult(micTest, 'ok');
          say(micTest.message, msg('microphone-heard'));
        }
        mic.frame = window.requestAnimationFrame(tick);
      };
      running(micTest, true);
      say(micTest.message, msg('microphone-listening'));
      stream.getAudioTracks().forEach(function (track) {
        track.addEventListener('ended', stopMic);
      });
      mic.timer = window.setTimeout(stopMic, MIC_SECONDS * 1000);
      tick();
    }).catch(function (err) {
      mic.starting = false;
      if (mic.stream) {
        stopTracks(mic.stream);
        mic.stream = null;
        mic.ctx = null;
        running(micTest, false);
      }
      ctx.close();
      setResult(micTest, 'failed');
      say(micTest.message, mediaProblem(err, 'microphone'));
    });
  }

  micTest.start.addEventListener('click', startMic);
  micTest.stop.addEventListener('click', stopMic);

  // ---- Speakers ---------------------------------------------------------------------------

  var speakersTest = test('speakers');
  var question = speakersTest.section.querySelector('[data-question]');
  var tone = null;

  function playTone() {
    if (tone) {
      return;
    }
    var AudioContextClass = audioContextClass();
    var ctx;
    try {
      ctx = new AudioContextClass();
    } catch (e) {
      setResult(speakersTest, 'failed');
      say(speakersTest.message, msg('speakers-unsupported'));
      return;
    }
    tone = ctx;
    var finished = false;
    var finish = function () {
      if (finished) {
        return;
      }
      finished = true;
      ctx.close();
      tone = null;
      question.hidden = false;
      say(speakersTest.message, msg('speakers-question'));
    };
    var oscillator = ctx.createOscillator();
    var gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = TONE_HZ;
    // Soft edges: no click at the start and at the end of the note.
    var t0 = ctx.currentTime;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(0.2, t0 + 0.05);
    gain.gain.setValueAtTime(0.2, t0 + TONE_SECONDS - 0.05);
    gain.gain.linearRampToValueAtTime(0, t0 + TONE_SECONDS);
    oscillator.connect(gain);
    gain.connect(ctx.destination);
    oscillator.addEventListener('ended', finish);
    say(speakersTest.message, msg('speakers-playing'));
    if (ctx.state === 'suspended') {
      ctx.resume();
    }
    oscillator.start(t0);
    oscillator.stop(t0 + TONE_SECONDS);
    // If the browser kept the sound from starting, ask all the same.
    window.setTimeout(finish, (TONE_SECONDS + 1) * 1000);
  }

  speakersTest.start.addEventListener('click', playTone);
  question.addEventListener('click', function (e) {
    var button = e.target.closest('[data-answer]');
    if (!button) {
      return;
    }
    var answer = button.getAttribute('data-answer') === 'ok' ? 'ok' : 'failed';
    setResult(speakersTest, answer);
    say(speakersTest.message, msg('speakers-' + answer));
  });

  // ---- Camera and screen sharing: a preview of a video stream -----------------------------

  function previewTest(name, device, display, acquire) {
    var t = test(name);
    var video = t.section.querySelector('video');
    var state = { stream: null, starting: false };

    function stop(announce) {
      if (!state.stream) {
        return;
      }
      stopTracks(state.stream);
      state.stream = null;
      video.srcObject = null;
      running(t, false);
      if (announce !== false) {
        say(t.message, msg(device + '-stopped'));
      }
    }

    t.start.addEventListener('click', function () {
      if (state.stream || state.starting) {
        return;
      }
      var problem = mediaUnavailable(display);
      if (problem) {
        setResult(t, 'failed');
        say(t.message, problem);
        return;
      }
      state.starting = true;
      say(t.message, msg(device + '-waiting'));
      acquire().then(function (stream) {
        state.starting = false;
        state.stream = stream;
        video.srcObject = stream;
        var playing = video.play();
        if (playing && typeof playing.catch === 'function') {
          playing.catch(function () {});
        }
        // The browser's own "stop sharing" button, or a camera unplugged.
        stream.getVideoTracks().forEach(function (track) {
          track.addEventListener('ended', stop);
        });
        running(t, true);
        setResult(t, 'ok');
        say(t.message, msg(device + '-on'));
      }).catch(function (err) {
        state.starting = false;
        setResult(t, 'failed');
        say(t.message, mediaProblem(err, device));
      });
    });
    t.stop.addEventListener('click', stop);
    return function () {
      stop(false);
    };
  }

  var stopCamera = previewTest('camera', 'camera', false, function () {
    return navigator.mediaDevices.getUserMedia({ video: true });
  });
  var stopScreen = previewTest('screen_share', 'screen', true, function () {
    return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  });

  // ---- Round-trip time --------------------------------------------------------------------

  var rttTest = test('round_trip');
  var rttValue = rttTest.section.querySelector('[data-rtt-value]');
  var roundTripMs = null;
  var measuring = false;

  function measure() {
    if (measuring) {
      return;
    }
    measuring = true;
    say(rttTest.message, msg('rtt-running'));
    var times = [];
    var once = function () {
      var t0 = window.performance.now();
      return fetch('/healthz', { cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
        return r.text().then(function () {
          if (!r.ok) {
            throw new Error('HTTP ' + r.status);
          }
          times.push(window.performance.now() - t0);
        });
      });
    };
    var chain = Promise.resolve();
    for (var i = 0; i < RTT_TRIES; i++) {
      chain = chain.then(once);
    }
    chain.then(function () {
      times.sort(function (a, b) {
        return a - b;
      });
      var mid = times.length / 2;
      var median = times.length % 2 ? times[Math.floor(mid)] : (times[mid - 1] + times[mid]) / 2;
      roundTripMs = Math.min(RTT_MAX_MS, Math.round(median));
      var verdict = roundTripMs <= 150 ? 'good' : roundTripMs <= 400 ? 'fair' : 'slow';
      rttValue.textContent = msg('ms', { ms: roundTripMs });
      rttTest.section.classList.toggle('is-ok', verdict !== 'slow');
      rttTest.section.classList.toggle('is-failed', verdict === 'slow');
      say(rttTest.message, msg('rtt-value', { ms: roundTripMs }) + ' ' + msg('rtt-' + verdict));
    }).catch(function () {
      roundTripMs = null;
      rttValue.textContent = msg('rtt-none');
      rttTest.section.classList.remove('is-ok');
      rttTest.section.classList.add('is-failed');
      say(rttTest.message, msg('rtt-failed'));
    }).then(function () {
      measuring = false;
    });
  }

  rttTest.start.addEventListener('click', measure);

  // ---- Saving -----------------------------------------------------------------------------

  var saveButton = document.getElementById('equipment-save');
  var saveStatus = document.getElementById('equipment-save-status');
  var saving = false;

  // The message of a problem+json answer, in the page's language (the server chose it).
  function problemText(problem, status) {
    if (!problem || typeof problem !== 'object') {
      return 'HTTP ' + status;
    }
    var parts = [problem.title].concat((problem.errors || []).map(function (e) {
      return e.message;
    })).filter(Boolean);
    return parts.length ? parts.join(' ') : 'HTTP ' + status;
  }

  function localDate(seconds) {
    var date = new Date(seconds * 1000);
    try {
      return date.toLocaleString(root.dataset.lang, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      });
    } catch (e) {
      return date.toLocaleString();
    }
  }

  // Replaces the history with the server's, and answers the saved check's date as shown there.
  function refreshHistory(id) {
    return fetch(window.location.pathname, {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    }).then(function (r) {
      if (!r.ok) {
        return null;
      }
      return r.text().then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('equipment-history');
        var current = document.getElementById('equipment-history');
        if (!fresh || !current) {
          return null;
        }
        current.parentNode.replaceChild(document.importNode(fresh, true), current);
        var when = document.querySelector('#equipment-history tr[data-id="' + Number(id) + '"] [data-when]');
        return when ? when.textContent : null;
      });
    }).catch(function () {
      return null;
    });
  }

  function save() {
    if (saving) {
      return;
    }
    saving = true;
    say(saveStatus, msg('saving'));
    var body = {
      microphone: result('microphone'),
      speakers: result('speakers'),
      camera: result('camera'),
      screen_share: result('screen_share'),
      round_trip_ms: roundTripMs,
      browser: navigator.userAgent.slice(0, 200),
    };
    fetch('/api/v1/equipment-checks', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().catch(function () {
        return null;
      }).then(function (data) {
        if (!r.ok || !data) {
          say(saveStatus, msg('save-failed', { reason: problemText(data, r.status) }));
          return null;
        }
        return refreshHistory(data.id).then(function (when) {
          say(saveStatus, msg('saved', { when: when || localDate(data.checked_at) }));
        });
      });
    }, function () {
      say(saveStatus, msg('save-offline'));
    }).then(function () {
      saving = false;
    });
  }

  saveButton.addEventListener('click', save);

  // ---- The whole page ---------------------------------------------------------------------

  ['microphone', 'speakers', 'camera', 'screen_share'].forEach(function (name) {
    var t = test(name);
    // A result set by hand.
    t.section.addEventListener('change', function () {
      showResult(t);
    });
    // The browser may restore choices when coming back to the page.
    showResult(t);
  });

  // Nothing stays on when leaving the page.
  window.addEventListener('pagehide', function () {
    if (mic.stream) {
      stopMic();
    }
    stopCamera();
    stopScreen();
  });
})();

import { useId, useState } from 'react';
import { ErrorNotice } from '../ui/request-view.js';

/** Instructions, what is recorded, and the candidate's consent before the clock starts. */
export function WelcomeScreen({
  starting,
  error,
  onStart,
}: {
  starting: boolean;
  error?: unknown;
  onStart: () => void;
}) {
  const [consent, setConsent] = useState(false);
  const consentId = useId();
  return (
    <main className="welcome-page">
      <div className="welcome card">
        <p className="brand-mark" aria-hidden="true">
          Assay
        </p>
        <h1>Your assessment</h1>
        <p className="lead">
          Take a moment to read this page. Nothing starts until you press <strong>Start the assessment</strong>.
        </p>

        <section aria-labelledby="how-heading">
          <h2 id="how-heading">How it works</h2>
          <ul className="check-list">
            <li>
              The timer starts when you press Start and is kept by our server: closing the tab or losing your connection
              does not pause it.
            </li>
            <li>Work on the items in any order. Your work is saved automatically as you type.</li>
            <li>
              Run the sample tests as often as you like. <strong>Submit</strong> sends an answer for scoring; you can
              submit again, and the last submission counts.
            </li>
            <li>
              If your connection drops, keep working: your work stays in this browser and is saved when you are back.
              Reloading the page brings you back where you were, with the time that is left.
            </li>
            <li>
              When the time is up, what you saved is what gets assessed. Use a desktop browser at least 1280 px wide.
            </li>
          </ul>
        </section>

        <section aria-labelledby="recorded-heading" className="recorded">
          <h2 id="recorded-heading">What is recorded</h2>
          {/* The same list as RECORDING_NOTICE (libs/contracts), which the session also carries. */}
          <ul>
            <li>Your name and e-mail address, from the invitation.</li>
            <li>
              Snapshots of your answers as you write them (at most one every two seconds), for a playback of how each
              answer was written.
            </li>
            <li>
              Pastes and other large insertions into the editor: their size and time, never the clipboard content.
            </li>
            <li>When this window loses and regains focus: times only, never what you looked at.</li>
            <li>
              Your runs and submissions, and how similar your final code is to other submissions of the same challenge.
            </li>
          </ul>
          <p className="muted">
            Assay records how your answers are written so that reviewers can trust your score. Nothing is rejected
            automatically: a person looks at anything unusual, and your code is never shared with other candidates. No
            camera, microphone or screen recording. The hiring team of the organisation that invited you sees this
            record.
          </p>
        </section>

        <div className="consent">
          <input
            id={consentId}
            type="checkbox"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
          />
          <label htmlFor={consentId}>
            I have read this and agree that my work and the activity above are recorded and shared with the hiring team.
          </label>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <button
          type="button"
          className="button button-primary button-large"
          disabled={!consent || starting}
          onClick={onStart}
        >
          {starting ? 'Starting…' : 'Start the assessment'}
        </button>
        {!consent ? <p className="muted small">Tick the box above to start.</p> : null}
      </div>
    </main>
  );
}

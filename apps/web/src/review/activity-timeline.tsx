import type { TimelineEntry } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { timeLabel } from '../ui/format.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

const EVENT_LABEL: Record<string, string> = {
  paste: 'Paste',
  large_insertion: 'Large insertion',
  focus_lost: 'Left the window',
  focus_returned: 'Came back',
  run: 'Ran the samples',
  submission: 'Submitted',
};

function detailOf(entry: TimelineEntry): string {
  if (entry.type === 'paste' || entry.type === 'large_insertion') {
    return `${entry.length ?? 0} characters, ${entry.lines ?? 0} lines`;
  }
  if (entry.type === 'focus_returned' && entry.awayMs !== undefined) return `away ${Math.round(entry.awayMs / 1000)} s`;
  if ((entry.type === 'run' || entry.type === 'submission') && entry.verdict) return entry.verdict.replaceAll('_', ' ');
  return '';
}

/**
 * How the answer to one item was written: the integrity signals (for a person to look at, never a
 * verdict) and the candidate's editor and window events, runs and submissions, in time order.
 */
export function ActivityTimeline({ sessionId, itemId }: { sessionId: string; itemId: string }) {
  const timeline = useRequest(() => staffApi.timeline(sessionId), [sessionId]);
  return (
    <section className="activity-timeline" aria-labelledby={`timeline-${itemId}`}>
      <h3 id={`timeline-${itemId}`}>Activity</h3>
      <RequestView request={timeline} loading="Loading the activity…" route="GET /api/v1/sessions/:id/timeline">
        {(data) => {
          const signals = data.signals.filter((signal) => signal.itemId === itemId);
          const entries = data.entries.filter((entry) => entry.itemId === itemId && entry.type !== 'snapshot');
          return (
            <>
              {signals.length > 0 ? (
                <ul className="signal-list" aria-label="Integrity signals">
                  {signals.map((signal, index) => (
                    <li key={index} className="notice notice-pending">
                      <strong>{timeLabel(Date.parse(signal.at))}</strong> {signal.reason}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">No integrity signal on this item.</p>
              )}
              {entries.length === 0 ? (
                <p className="muted small">No editor events, runs or submissions recorded.</p>
              ) : (
                <table className="data-table compact">
                  <caption className="visually-hidden">Events of this item</caption>
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Event</th>
                      <th scope="col">Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry, index) => (
                      <tr key={index}>
                        <td>{timeLabel(Date.parse(entry.at))}</td>
                        <td>{EVENT_LABEL[entry.type] ?? entry.type}</td>
                        <td className="muted">{detailOf(entry)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </RequestView>
    </section>
  );
}

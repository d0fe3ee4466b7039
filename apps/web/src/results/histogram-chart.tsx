import { binTotals } from './histogram.js';

const WIDTH = 520;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 36, left: 36 };

/** How the candidates' totals spread: ten bins from 0 to 100 %. */
export function HistogramChart({ totals, highlight }: { totals: (number | null)[]; highlight?: number[] }) {
  const bins = binTotals(totals);
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const barWidth = plotWidth / bins.length;
  const scored = totals.filter((total) => typeof total === 'number').length;
  const highlighted = new Set(
    (highlight ?? []).map((total) =>
      Math.min(bins.length - 1, Math.floor(Math.min(1, Math.max(0, total)) * bins.length)),
    ),
  );
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, index) => index) : [0, Math.round(max / 2), max];
  const description = bins
    .filter((bin) => bin.count > 0)
    .map((bin) => `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%: ${bin.count}`)
    .join('; ');

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Histogram of ${scored} total scores. ${description || 'No scores yet.'}`}
        className="chart-svg"
      >
        {ticks.map((tick) => {
          const y = PAD.top + plotHeight - (tick / max) * plotHeight;
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="chart-grid" />
              <text x={PAD.left - 8} y={y + 4} textAnchor="end" className="chart-tick">
                {tick}
              </text>
            </g>
          );
        })}
        {bins.map((bin, index) => {
          const height = (bin.count / max) * plotHeight;
          const x = PAD.left + index * barWidth;
          return (
            <g key={index}>
              <rect
                x={x + 3}
                y={PAD.top + plotHeight - height}
                width={barWidth - 6}
                height={height}
                rx={3}
                className={highlighted.has(index) ? 'chart-bar chart-bar-highlight' : 'chart-bar'}
              />
              {bin.count > 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={PAD.top + plotHeight - height - 4}
                  textAnchor="middle"
                  className="chart-value"
                >
                  {bin.count}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="chart-tick">
                {Math.round(bin.from * 100)}
              </text>
            </g>
          );
        })}
        <text x={PAD.left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="chart-axis-label">
          Total score (%)
        </text>
      </svg>
      <figcaption className="muted small">
        {scored} scored candidate{scored === 1 ? '' : 's'}
        {highlight && highlight.length > 0 ? '; the selected candidates’ bins are highlighted' : ''}.
      </figcaption>
    </figure>
  );
}

import { competencyLabel, scoreLabel } from '../ui/format.js';
import { radarPoint, radarPolygon } from './radar-geometry.js';

export interface RadarSeries {
  name: string;
  /** One value in [0, 1] per axis, null when not measured. */
  values: (number | null)[];
}

const SIZE = 420;
const CENTER = { x: SIZE / 2, y: SIZE / 2 };
const RADIUS = 140;
export const SERIES_COLORS = ['#2f5bd3', '#d9480f', '#2b8a3e', '#862e9c'];

/** Candidates' competency scores on one radar, one coloured polygon each. */
export function RadarChart({ axes, series }: { axes: string[]; series: RadarSeries[] }) {
  if (axes.length < 3) {
    return <p className="muted">A radar needs at least three competencies; this assessment measures {axes.length}.</p>;
  }
  const description = series
    .map(
      (entry) =>
        `${entry.name}: ${axes.map((axis, index) => `${competencyLabel(axis)} ${scoreLabel(entry.values[index])}`).join(', ')}`,
    )
    .join('. ');
  return (
    <figure className="chart radar">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Competency radar. ${description}`}
        className="chart-svg"
      >
        {[0.25, 0.5, 0.75, 1].map((ring) => (
          <polygon
            key={ring}
            points={radarPolygon(
              axes.map(() => ring),
              RADIUS,
              CENTER,
            )}
            className="radar-ring"
          />
        ))}
        {axes.map((axis, index) => {
          const end = radarPoint(index, axes.length, 1, RADIUS, CENTER);
          const label = radarPoint(index, axes.length, 1.18, RADIUS, CENTER);
          const anchor = Math.abs(label.x - CENTER.x) < 8 ? 'middle' : label.x > CENTER.x ? 'start' : 'end';
          return (
            <g key={axis}>
              <line x1={CENTER.x} y1={CENTER.y} x2={end.x} y2={end.y} className="radar-axis" />
              <text x={label.x} y={label.y + 4} textAnchor={anchor} className="radar-label">
                {competencyLabel(axis)}
              </text>
            </g>
          );
        })}
        {series.map((entry, index) => (
          <polygon
            key={entry.name}
            points={radarPolygon(entry.values, RADIUS, CENTER)}
            className="radar-series"
            style={{
              stroke: SERIES_COLORS[index % SERIES_COLORS.length],
              fill: SERIES_COLORS[index % SERIES_COLORS.length],
            }}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {series.map((entry, index) => (
            <li key={entry.name}>
              <span
                className="legend-swatch"
                style={{ background: SERIES_COLORS[index % SERIES_COLORS.length] }}
                aria-hidden="true"
              />
              {entry.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface Point {
  x: number;
  y: number;
}

/** The point of axis `index` of `count` at `value` in [0, 1]; the first axis points up, then clockwise. */
export function radarPoint(index: number, count: number, value: number, radius: number, center: Point): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, count);
  const distance = Math.min(1, Math.max(0, value)) * radius;
  return { x: center.x + distance * Math.cos(angle), y: center.y + distance * Math.sin(angle) };
}

/** An SVG `points` attribute for one series; a missing value sits at the centre. */
export function radarPolygon(values: (number | null)[], radius: number, center: Point): string {
  return values
    .map((value, index) => radarPoint(index, values.length, value ?? 0, radius, center))
    .map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`)
    .join(' ');
}

/**
 * Geometry of the radar chart: one axis per parameter, starting at the top and turning in the
 * reading direction (clockwise left to right, anticlockwise right to left), levels 0 to 4 from
 * a small inner ring outwards. Level 0 sits on that inner ring rather than at the centre so a
 * parameter at 0 still shows on its own axis. No imports: tested by test/web/sim3-radar.test.ts.
 */

export const maxLevel = 4;

export interface RadarGeometry {
  size: number;
  centre: number;
  radius: number;
  inner: number;
  axes: number;
  /** +1 clockwise (left to right), -1 anticlockwise (right to left). */
  turn: 1 | -1;
}

export interface Point {
  x: number;
  y: number;
}

/** Room left around the outer ring for the axis labels. */
const labelRoom = 40;

export function radarGeometry(size: number, axes: number, rtl: boolean): RadarGeometry {
  const radius = size / 2 - labelRoom;
  return { size, centre: size / 2, radius, inner: radius * 0.14, axes, turn: rtl ? -1 : 1 };
}

export function angleOf(g: RadarGeometry, index: number): number {
  return -Math.PI / 2 + (g.turn * 2 * Math.PI * index) / Math.max(g.axes, 1);
}

export function radiusOf(g: RadarGeometry, level: number): number {
  const clamped = Math.min(Math.max(level, 0), maxLevel);
  return g.inner + ((g.radius - g.inner) * clamped) / maxLevel;
}

export function pointAt(g: RadarGeometry, index: number, level: number): Point {
  const a = angleOf(g, index);
  const r = radiusOf(g, level);
  return { x: g.centre + r * Math.cos(a), y: g.centre + r * Math.sin(a) };
}

const fmt = (p: Point) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;

/** The `points` attribute of a polygon through the given levels (null counts as 0). */
export function polygonPoints(g: RadarGeometry, levels: ReadonlyArray<number | null>): string {
  return levels.map((level, i) => fmt(pointAt(g, i, level ?? 0))).join(' ');
}

/** A ring at one level, drawn as a polygon through every axis. */
export function ringPoints(g: RadarGeometry, level: number): string {
  return Array.from({ length: g.axes }, (_, i) => fmt(pointAt(g, i, level))).join(' ');
}

/** Where an axis label goes and how it is anchored so it never overlaps the chart. */
export function labelPlacement(
  g: RadarGeometry,
  index: number,
): Point & { anchor: 'start' | 'middle' | 'end'; baseline: 'hanging' | 'middle' | 'auto' } {
  const a = angleOf(g, index);
  const r = g.radius + 10;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return {
    x: g.centre + r * cos,
    y: g.centre + r * sin,
    anchor: cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle',
    baseline: sin > 0.25 ? 'hanging' : sin < -0.25 ? 'auto' : 'middle',
  };
}

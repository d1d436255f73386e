/** A country on the map as the keyboard sees it: its code and where it sits. */
export interface MapStop {
  iso3: string;
  x: number;
  y: number;
}

const directions: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The country to move to when an arrow key is pressed on the map: the nearest one in that
 * direction, preferring those straight ahead over those off to the side. Directions are
 * geographic (the map is not mirrored in right-to-left languages), so ArrowLeft goes west.
 * Home and End go to the first and last stop (west- and east-most).
 */
export function nextStop(stops: MapStop[], from: string, key: string): MapStop | undefined {
  if (key === 'Home') return stops[0];
  if (key === 'End') return stops[stops.length - 1];
  const vector = directions[key];
  const here = stops.find((stop) => stop.iso3 === from);
  if (!vector || !here) return undefined;
  const [dx, dy] = vector;
  let best: MapStop | undefined;
  let bestScore = Infinity;
  for (const stop of stops) {
    const ahead = (stop.x - here.x) * dx + (stop.y - here.y) * dy;
    if (stop === here || ahead <= 0) continue;
    const aside = Math.abs((stop.x - here.x) * dy - (stop.y - here.y) * dx);
    const score = ahead + 2.5 * aside;
    if (score < bestScore) {
      best = stop;
      bestScore = score;
    }
  }
  return best;
}

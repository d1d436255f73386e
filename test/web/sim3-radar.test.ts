import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  labelPlacement,
  pointAt,
  polygonPoints,
  radarGeometry,
  radiusOf,
} from '../../web/src/features/toolkit/sim3/radar.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('SIM3 radar geometry', () => {
  const g = radarGeometry(360, 8, false);

  it('puts the first axis at the top and levels 0 to 4 from the inner ring outwards', () => {
    const top0 = pointAt(g, 0, 0);
    const top4 = pointAt(g, 0, 4);
    close(top0.x, g.centre);
    close(top4.x, g.centre);
    close(top0.y, g.centre - g.inner);
    close(top4.y, g.centre - g.radius);
    assert.ok(radiusOf(g, 0) > 0, 'level 0 stays visible on its own axis');
    close(radiusOf(g, 7), g.radius);
    close(radiusOf(g, -1), g.inner);
  });

  it('turns clockwise left to right and anticlockwise right to left', () => {
    const rtl = radarGeometry(360, 8, true);
    assert.ok(pointAt(g, 1, 4).x > g.centre, 'second axis on the right in LTR');
    assert.ok(pointAt(rtl, 1, 4).x < rtl.centre, 'second axis on the left in RTL');
    close(pointAt(rtl, 1, 4).x, 2 * g.centre - pointAt(g, 1, 4).x);
    assert.equal(labelPlacement(g, 2).anchor, 'start');
    assert.equal(labelPlacement(rtl, 2).anchor, 'end');
    assert.equal(labelPlacement(g, 0).anchor, 'middle');
  });

  it('draws unassessed parameters at level 0', () => {
    assert.equal(polygonPoints(g, [null, 2]), polygonPoints(g, [0, 2]));
    assert.equal(polygonPoints(g, [1, 2, 3]).split(' ').length, 3);
  });
});

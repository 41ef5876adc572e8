import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { type MouseEvent, useMemo } from 'react';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';

const WIDTH = 800;
const HEIGHT = 560;
// Europe, Turkey, the Caucasus and the west of Central Asia; further east the numbers still work.
const AREA = {
  type: 'MultiPoint',
  coordinates: [
    [-25, 33],
    [62, 33],
    [-25, 71],
    [62, 71],
  ],
};

interface Props {
  label: string;
  point: { latitude: number; longitude: number } | null;
  onPick: (point: { latitude: number; longitude: number }) => void;
}

/** Click to place the optional map point (drawn from the bundled world map; no tiles, no other host). */
export function PointPicker({ label, point, onPick }: Props) {
  const { shapes, projection } = useMemo(() => {
    const countries = feature(world, (world as { objects: { countries: unknown } }).objects.countries);
    const projection = geoNaturalEarth1().fitExtent(
      [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      AREA,
    );
    const path = geoPath(projection);
    return { projection, shapes: countries.features.map((f) => ({ key: f.id ?? f.properties.name, d: path(f) ?? '' })) };
  }, []);
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    const y = ((event.clientY - box.top) / box.height) * HEIGHT;
    const lonLat = projection.invert?.([x, y]);
    if (!lonLat) return;
    onPick({ latitude: Math.round(lonLat[1] * 100) / 100, longitude: Math.round(lonLat[0] * 100) / 100 });
  };
  const marker = point ? projection([point.longitude, point.latitude]) : null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; the latitude and longitude fields beside it do the same with a keyboard.
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-label={label}
      role="img"
      onClick={pick}
      style={{ width: '100%', height: 'auto', background: '#eef3f8', cursor: 'crosshair', touchAction: 'manipulation' }}
    >
      {shapes.map((s) => (
        <path key={s.key} d={s.d} fill="#d9dde2" stroke="#fff" strokeWidth={0.6} />
      ))}
      {marker ? <circle cx={marker[0]} cy={marker[1]} r={7} fill="#c2255c" stroke="#fff" strokeWidth={2} /> : null}
    </svg>
  );
}

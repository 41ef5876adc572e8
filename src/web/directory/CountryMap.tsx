import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { KOSOVO_NAME, NUMERIC_TO_ISO2 } from '../warning/iso-numeric';

const WIDTH = 960;
const HEIGHT = 460;
/** Five steps from pale to deep blue; the legend on the page names them. */
export const SHADES = ['#dbe9f6', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

export function shadeOf(count: number, max: number): string {
  if (count <= 0 || max <= 0) return '#eceff1';
  const step = Math.min(SHADES.length - 1, Math.floor((Math.log(count) / Math.log(max + 1)) * SHADES.length));
  return SHADES[step] as string;
}

interface Props {
  /** The accessible name; the page shows the same figures in a table. */
  label: string;
  counts: Map<string, number>;
  name: (iso2: string) => string;
  unit: (count: number) => string;
}

/** A choropleth of the OSCE area from the bundled world atlas: no tiles, no fonts, no other host. */
export function CountryMap({ label, counts, name, unit }: Props) {
  const shapes = useMemo(() => {
    const countries = feature(world, (world as { objects: { countries: unknown } }).objects.countries);
    const visible = countries.features.filter((f) => f.id !== '010');
    const frame = {
      type: 'Feature',
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [-25, 27],
          [95, 27],
          [95, 71],
          [-25, 71],
        ],
      },
    };
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      frame,
    );
    const path = geoPath(projection);
    return visible.map((f) => ({
      iso2: f.id ? NUMERIC_TO_ISO2[f.id] : f.properties.name === KOSOVO_NAME ? 'XK' : undefined,
      d: path(f) ?? '',
      key: f.id ?? f.properties.name,
    }));
  }, []);
  const max = Math.max(0, ...counts.values());
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 'auto', background: '#f5f8fb' }}
    >
      {shapes.map((s) => {
        const count = s.iso2 ? (counts.get(s.iso2) ?? 0) : 0;
        return (
          <path
            key={s.key}
            d={s.d}
            fill={shadeOf(count, max)}
            stroke="#fff"
            strokeWidth={0.5}
            data-country={s.iso2}
            data-count={count}
          >
            {s.iso2 ? <title>{`${name(s.iso2)}: ${unit(count)}`}</title> : null}
          </path>
        );
      })}
    </svg>
  );
}

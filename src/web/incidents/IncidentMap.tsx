import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { KOSOVO_NAME, NUMERIC_TO_ISO2 } from '../warning/iso-numeric';

const WIDTH = 960;
const HEIGHT = 520;
const SHADES = ['#fde0dd', '#fa9fb5', '#f768a1', '#c51b8a', '#7a0177'];

interface Props {
  label: string;
  /** Published figure per country: null when not published. */
  values: Map<string, number | null>;
  name: (iso2: string) => string;
  suppressedLabel: string;
}

/**
 * A choropleth of verified incidents per country over the OSCE area, drawn from the bundled
 * world map (no tiles, no other host). "Fewer than 5" has its own light shade, never a number.
 */
export function IncidentMap({ label, values, name, suppressedLabel }: Props) {
  const shapes = useMemo(() => {
    const countries = feature(world, (world as { objects: { countries: unknown } }).objects.countries);
    const visible = countries.features.filter((f) => f.id !== '010');
    // Europe, Central Asia and North America: the OSCE region.
    const focus = visible.filter((f) => ['840', '124', '643', '250', '398', '792', '352'].includes(f.id ?? ''));
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      { type: 'FeatureCollection', features: focus },
    );
    const path = geoPath(projection);
    return visible.map((f) => ({
      iso2: f.id ? NUMERIC_TO_ISO2[f.id] : f.properties.name === KOSOVO_NAME ? 'XK' : undefined,
      d: path(f) ?? '',
      key: f.id ?? f.properties.name,
    }));
  }, []);
  const max = Math.max(5, ...[...values.values()].map((v) => v ?? 0));
  const fill = (value: number | null | undefined) => {
    if (value === undefined || value === 0) return '#e9ecef';
    if (value === null) return SHADES[0];
    return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor(((value - 5) / Math.max(1, max - 5)) * (SHADES.length - 2)))];
  };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 'auto', background: '#eef3f8' }}
    >
      {shapes.map((s) => {
        const value = s.iso2 ? values.get(s.iso2) : undefined;
        const text =
          s.iso2 && value !== undefined
            ? `${name(s.iso2)}: ${value === null ? suppressedLabel : value}`
            : s.iso2
              ? name(s.iso2)
              : '';
        return (
          <path key={s.key} d={s.d} fill={fill(value)} stroke="#fff" strokeWidth={0.5} data-country={s.iso2}>
            <title>{text}</title>
          </path>
        );
      })}
    </svg>
  );
}

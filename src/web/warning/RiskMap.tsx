import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { KOSOVO_NAME, NUMERIC_TO_ISO2 } from './iso-numeric';
import { LEVEL_COLOURS } from './queries';

const WIDTH = 960;
const HEIGHT = 500;

interface Props {
  /** The accessible name; the page lists the same countries in a table. */
  label: string;
  levels: Map<string, { level: string; score: number }>;
  name: (iso2: string) => string;
  onSelect: (iso2: string) => void;
}

/** A choropleth of risk levels drawn from the bundled world map: no tiles, no other host. */
export function RiskMap({ label, levels, name, onSelect }: Props) {
  const shapes = useMemo(() => {
    const countries = feature(world, (world as { objects: { countries: unknown } }).objects.countries);
    // The OSCE area and its partners span most of the northern hemisphere and Australia: the world, without Antarctica.
    const visible = countries.features.filter((f) => f.id !== '010');
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      { type: 'FeatureCollection', features: visible },
    );
    const path = geoPath(projection);
    return visible.map((f) => ({
      iso2: f.id ? NUMERIC_TO_ISO2[f.id] : f.properties.name === KOSOVO_NAME ? 'XK' : undefined,
      d: path(f) ?? '',
      key: f.id ?? f.properties.name,
    }));
  }, []);

  return (
    // A group of country links, not a picture: an image may not hold focusable elements.
    // biome-ignore lint/a11y/useSemanticElements: an svg cannot be a fieldset
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={label}
      style={{ width: '100%', height: 'auto', background: '#eef3f8' }}
    >
      {shapes.map((s) => {
        const risk = s.iso2 ? levels.get(s.iso2) : undefined;
        const fill = risk ? (LEVEL_COLOURS[risk.level] ?? '#ccc') : '#d9dde2';
        const title = s.iso2 ? `${name(s.iso2)}${risk ? `: ${risk.score} (${risk.level})` : ''}` : '';
        const shape = (
          <path key={s.key} d={s.d} fill={fill} stroke="#fff" strokeWidth={0.5} data-country={s.iso2} data-level={risk?.level}>
            <title>{title}</title>
          </path>
        );
        if (!s.iso2) return shape;
        const iso2 = s.iso2;
        // A link per country: keyboard-usable, and the page's table lists the same countries.
        return (
          <a
            key={s.key}
            href={`/warning/countries/${iso2}`}
            aria-label={title}
            onClick={(event) => {
              event.preventDefault();
              onSelect(iso2);
            }}
          >
            {shape}
          </a>
        );
      })}
    </svg>
  );
}

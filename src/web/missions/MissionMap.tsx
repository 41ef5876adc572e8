import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { useCountryNames } from '../reference/pickers';
import type { MissionSummary } from './queries';

const WIDTH = 960;
const HEIGHT = 420;

type Projection = ((point: [number, number]) => [number, number] | null) & { fitExtent: (e: unknown, o: unknown) => Projection };

/** Missions as points on the host capitals over the bundled world map: no tiles, no other host. */
export function MissionMap({ label, missions }: { label: string; missions: MissionSummary[] }) {
  const names = useCountryNames();
  const { land, project } = useMemo(() => {
    const countries = feature(world, (world as { objects: { countries: unknown } }).objects.countries);
    // The OSCE area: from the Atlantic to Central Asia, North Africa to the Arctic.
    const frame = {
      type: 'Feature',
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [-30, 28],
          [90, 28],
          [90, 70],
          [-30, 70],
        ],
      },
    };
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      frame,
    ) as unknown as Projection;
    const path = geoPath(projection as never);
    return {
      land: countries.features.map((f) => ({ key: f.id ?? f.properties.name, d: path(f) ?? '' })),
      project: projection,
    };
  }, []);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 'auto', background: '#eef3f8' }}
    >
      {land.map((s) => (
        <path key={s.key} d={s.d} fill="#d9dde2" stroke="#fff" strokeWidth={0.5} />
      ))}
      {missions.flatMap((m) =>
        m.countries.flatMap((c) => {
          if (c.longitude === null || c.latitude === null) return [];
          const point = project([c.longitude, c.latitude]);
          if (!point) return [];
          return [
            <circle key={`${m.id}-${c.iso2}`} cx={point[0]} cy={point[1]} r={6} fill="#1864ab" fillOpacity={0.6} stroke="#fff">
              <title>{`${m.code} ${m.title} (${names.name(c.iso2)})`}</title>
            </circle>,
          ];
        }),
      )}
    </svg>
  );
}

// The few pieces of d3-geo and topojson-client the maps use (the packages ship no types).
declare module 'd3-geo' {
  export interface GeoProjection {
    fitExtent(extent: [[number, number], [number, number]], object: unknown): GeoProjection;
    (point: [number, number]): [number, number] | null;
    invert?(point: [number, number]): [number, number] | null;
  }
  export function geoNaturalEarth1(): GeoProjection;
  export function geoPath(projection: GeoProjection): (object: unknown) => string | null;
}

declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): { type: 'FeatureCollection'; features: GeoFeature[] };
  export interface GeoFeature {
    type: 'Feature';
    id?: string;
    properties: { name: string };
    geometry: unknown;
  }
}

import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { DIMENSIONS, KEY_AREAS } from '../../reference/values.js';
import { PRIORITIES } from '../../reports/schemas.js';

/** How the tracker files the conference's recommendations: one key area, dimension and priority for all. */
export const PublishBody = Type.Object(
  {
    keyArea: StringEnum(KEY_AREAS),
    dimension: StringEnum(DIMENSIONS),
    priority: Type.Optional(StringEnum(PRIORITIES)),
  },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { KeyStatus, NewKeyBody, RotationBody, RotationMaterial, RotationResult } from './schemas.js';
import { createKey, keyStatus, rotateKey, rotationMaterial } from './service.js';

const tags = ['hate incidents'];
/** A rotation carries every stored item's key: about 700 bytes each. */
const ROTATION_BODY_LIMIT = 512 * 1024 * 1024;

/**
 * The organisation's key, made and sealed by the co-ordinator's browser or the command line: the
 * server stores the public key and the sealed private key and never sees the passphrase.
 */
export const keyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/incidents/key',
    {
      config: { access: 'incident.key.manage' },
      schema: {
        tags,
        summary: 'Whether the organisation key exists, and what it protects',
        response: responses({ 200: KeyStatus }),
      },
    },
    async (request) => keyStatus(request.ctx),
  );

  app.post(
    '/incidents/key',
    {
      config: { access: 'incident.key.manage' },
      schema: {
        tags,
        summary: 'Store the first organisation key pair, the private key sealed under a passphrase by the caller',
        body: NewKeyBody,
        response: responses({ 201: KeyStatus }),
      },
    },
    async (request, reply) => reply.code(201).send(await createKey(request.ctx, request.body)),
  );

  app.get(
    '/incidents/key/rotation',
    {
      config: { access: 'incident.key.manage' },
      schema: {
        tags,
        summary: 'The sealed current key and every item’s wrapped key, to wrap them again under a new key',
        response: responses({ 200: RotationMaterial }),
      },
    },
    async (request) => rotationMaterial(request.ctx),
  );

  app.post(
    '/incidents/key/rotation',
    {
      config: { access: 'incident.key.manage' },
      bodyLimit: ROTATION_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Replace the key pair; every item’s key comes wrapped again under the new public key',
        body: RotationBody,
        response: responses({ 200: RotationResult }),
      },
    },
    async (request) => rotateKey(request.ctx, request.body),
  );
};

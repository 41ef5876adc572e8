import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DocumentSummary, DocumentView } from '../../server/consensus/schemas';
import { api, queryString } from '../app/api';

export type { AmendmentView, DocumentSummary, DocumentView, ParagraphView, StatementView } from '../../server/consensus/schemas';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const STAGE_COLOURS = { drafting: 'blue', silence: 'orange', adopted: 'green', withdrawn: 'gray' } as const;
export const STATE_COLOURS = { agreed: 'green', open: 'gray', blocked: 'red' } as const;
export const STANCE_COLOURS = { agree: 'green', can_live: 'teal', reservation: 'yellow', objection: 'red' } as const;

export const documentsQuery = (params: { body?: string; stage?: string; offset: number }) =>
  queryOptions({
    queryKey: ['consensus', 'documents', params],
    queryFn: () => api.get<Page<DocumentSummary>>(`/consensus/documents${queryString({ ...params, limit: 25 })}`),
  });

export const documentQuery = (id: string) =>
  queryOptions({ queryKey: ['consensus', 'document', id], queryFn: () => api.get<DocumentView>(`/consensus/documents/${id}`) });

/**
 * Keeps a document's page live: the server's event stream says something changed and the page
 * reloads the document. The browser reconnects by itself with Last-Event-ID, so nothing is missed.
 */
export function useLiveDocument(id: string): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/consensus/documents/${id}/events`);
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('change', () => {
      void client.invalidateQueries({ queryKey: ['consensus'] });
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [id, client]);
  return connected;
}

const VIENNA = 'Europe/Vienna';

/** The instant of a wall-clock time in Vienna ("2016-12-02T12:00"), whatever the browser's own zone. */
export function viennaToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, sec);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: VIENNA,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    sec,
  );
  return new Date(guess - (wall - guess));
}

/** A time as Vienna reads it and as the reader's own clock does. */
export function formatTimes(iso: string, language: string): { vienna: string; local: string } {
  const at = new Date(iso);
  const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
  return {
    vienna: new Intl.DateTimeFormat(language, { ...style, timeZone: VIENNA }).format(at),
    local: new Intl.DateTimeFormat(language, style).format(at),
  };
}

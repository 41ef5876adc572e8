import type { Group, LibraryDocument } from '../../server/network/documents/schemas.js';
import type { FocalPointList, Membership } from '../../server/network/focal-points/schemas.js';
import type { NoticeDetail, NoticeList } from '../../server/network/notices/schemas.js';
import type { RequestDetail, RequestList } from '../../server/network/requests/schemas.js';
import type { SearchResult } from '../../server/network/search/schemas.js';
import { ApiProblem, api, queryString } from '../app/api';

type ProblemBody = ConstructorParameters<typeof ApiProblem>[1];

export type { FocalPointList, LibraryDocument, Membership, NoticeDetail, NoticeList, RequestDetail, RequestList, SearchResult };

export const PAGE_SIZE = 20;

export interface LibraryFilters {
  q?: string;
  type?: string;
  country?: string;
  keyArea?: string;
  language?: string;
  year?: number;
  offset?: number;
}

export const searchQuery = (f: LibraryFilters) => ({
  queryKey: ['library', 'search', f],
  queryFn: () => api.get<SearchResult>(`/library/search${queryString({ ...f, limit: PAGE_SIZE })}`),
});

export const documentQuery = (id: string) => ({
  queryKey: ['library', 'document', id],
  queryFn: () => api.get<LibraryDocument>(`/library/documents/${id}`),
  // While its text is being read, the page follows the progress.
  refetchInterval: (query: { state: { data?: LibraryDocument } }) => {
    const v = query.state.data?.versions[0];
    return v && (v.extraction === 'pending' || v.extraction === 'running') ? 1000 : false;
  },
});

/** The named groups restricted documents are open to (the co-ordinator only). */
export const groupsQuery = () => ({
  queryKey: ['library', 'groups'],
  queryFn: () => api.get<Group[]>('/library/groups'),
});

export const membershipQuery = () => ({
  queryKey: ['network', 'membership'],
  queryFn: () => api.get<Membership>('/network/membership'),
});

export const directoryQuery = (q: string, country: string | null, offset: number) => ({
  queryKey: ['network', 'directory', q, country, offset],
  queryFn: () => api.get<FocalPointList>(`/network/focal-points${queryString({ q, country, offset, limit: PAGE_SIZE })}`),
});

export const stateQuery = (iso2: string) => ({
  queryKey: ['network', 'state', iso2],
  queryFn: () => api.get<FocalPointList>(`/network/states/${iso2}/focal-points`),
});

export const noticesQuery = (offset: number) => ({
  queryKey: ['network', 'notices', offset],
  queryFn: () => api.get<NoticeList>(`/network/notices${queryString({ offset, limit: PAGE_SIZE })}`),
});

export const noticeQuery = (id: string) => ({
  queryKey: ['network', 'notice', id],
  queryFn: () => api.get<NoticeDetail>(`/network/notices/${id}`),
});

export interface RequestFilters {
  keyArea?: string | null;
  subregion?: string | null;
  status?: string | null;
  offset?: number;
}

export const requestsQuery = (f: RequestFilters) => ({
  queryKey: ['network', 'requests', f],
  queryFn: () => api.get<RequestList>(`/network/requests${queryString({ ...f, limit: PAGE_SIZE })}`),
});

export const requestQuery = (id: string) => ({
  queryKey: ['network', 'request', id],
  queryFn: () => api.get<RequestDetail>(`/network/requests/${id}`),
});

/**
 * Sends a document as the raw body with its metadata in the query string, reporting the share of
 * bytes sent; a refusal rejects with the server's problem, as `api` does.
 */
export function uploadDocument(
  path: string,
  file: File,
  csrfToken: string,
  onProgress: (share: number) => void,
): Promise<LibraryDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 400) reject(new ApiProblem(xhr.status, (body ?? {}) as ProblemBody));
      else resolve(body as LibraryDocument);
    };
    xhr.onerror = () => reject(new ApiProblem(0, { code: 'network' }));
    xhr.send(file);
  });
}

export const DOCUMENT_TYPES = ['law', 'sop', 'manual', 'training', 'evaluation', 'good_practice'] as const;
export const ACCESS_LEVELS = ['public', 'network', 'staff', 'groups'] as const;
export const SUBREGIONS = [
  'western_europe_north_america',
  'south_eastern_europe',
  'eastern_europe',
  'south_caucasus',
  'central_asia',
] as const;

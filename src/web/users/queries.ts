import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../app/api';
import { SESSION_KEY } from '../app/session';
import type { CreateUserBody, GrantInput, Page, Role, UpdateUserBody, UserView } from '../app/types';

export const USERS_PAGE_SIZE = 25;

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  offset: number;
}

export function usersQuery(filter: UserFilter) {
  return queryOptions({
    queryKey: ['users', filter],
    queryFn: () => api.get<Page<UserView>>(`/users${queryString({ ...filter, limit: USERS_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

export interface UserWithPassword {
  user: UserView;
  oneTimePassword: string;
}

/** After any change to an account the list is stale, and so is one's own session if the account is one's own. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

export function useCreateUser() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserWithPassword>('/users', body),
    onSuccess: afterChange,
  });
}

export function useUpdateUser(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<UserView>(`/users/${id}`, body),
    onSuccess: afterChange,
  });
}

export function useSetGrants(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (body: { grants: GrantInput[]; reason?: string }) => api.put<UserView>(`/users/${id}/grants`, body),
    onSuccess: afterChange,
  });
}

export function useResetPassword(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: () => api.post<UserWithPassword>(`/users/${id}/password-reset`),
    onSuccess: afterChange,
  });
}

/** The co-ordinator's reset of a person's second factor (a lost phone); audited on the server. */
export function useResetSecondFactor(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: () => api.delete<void>(`/users/${id}/second-factor`),
    onSuccess: afterChange,
  });
}

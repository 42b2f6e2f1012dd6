/** The "hopper": requests made from this machine, remembered so the ranking rotates instead of always asking the same people. */
import type * as vscode from 'vscode';

const KEY = 'kubeShepherd.recentRequests';
const KEEP_DAYS = 30;

export interface RecentRequest {
  login: string;
  at: number;
}

export function recentRequests(state: vscode.Memento, now = Date.now()): RecentRequest[] {
  const all = state.get<RecentRequest[]>(KEY, []);
  return all.filter((r) => typeof r?.login === 'string' && typeof r.at === 'number' && now - r.at < KEEP_DAYS * 86_400_000);
}

export async function remember(state: vscode.Memento, logins: string[], now = Date.now()): Promise<void> {
  await state.update(KEY, [...recentRequests(state, now), ...logins.map((login) => ({ login, at: now }))]);
}

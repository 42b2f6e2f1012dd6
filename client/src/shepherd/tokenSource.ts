/**
 * GitHub tokens come only from VS Code's GitHub authentication provider (github, or github-enterprise for a custom
 * base URL) or, for machines without it, from SecretStorage — never from settings files, and never logged.
 */
import * as vscode from 'vscode';
import type { TokenSource } from './github';

export const SECRET_KEY = 'kubeShepherd.githubToken';
const DEFAULT_API = 'https://api.github.com';

export function githubBaseUrl(): string {
  return (vscode.workspace.getConfiguration('kubeShepherd').get<string>('github.baseUrl') || DEFAULT_API).replace(/\/$/, '');
}

export class VsCodeTokenSource implements TokenSource {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async getToken(interactive: boolean): Promise<string | undefined> {
    const provider = githubBaseUrl() === DEFAULT_API ? 'github' : 'github-enterprise';
    try {
      const session = await vscode.authentication.getSession(provider, ['repo'], interactive ? { createIfNone: true } : { silent: true });
      if (session?.accessToken) return session.accessToken;
    } catch {
      // No such provider here (e.g. a browser-hosted VS Code): fall back to SecretStorage.
    }
    return this.secrets.get(SECRET_KEY);
  }
}

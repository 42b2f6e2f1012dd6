/**
 * The signed-in GitHub login, from VS Code's GitHub authentication session (the same provider and scopes as the
 * "Request Shepherd" token, so no new consent is asked). Only the account label is read; the token is never touched.
 */
import * as vscode from 'vscode';
import { githubBaseUrl } from '../shepherd/tokenSource';

function provider(): string {
  return githubBaseUrl() === 'https://api.github.com' ? 'github' : 'github-enterprise';
}

/** The login of the current session; `interactive` asks VS Code to sign in. Undefined when not signed in. */
export async function signedInLogin(interactive: boolean): Promise<string | undefined> {
  try {
    const session = await vscode.authentication.getSession(provider(), ['repo'], interactive ? { createIfNone: true } : { silent: true });
    return session?.account.label || undefined;
  } catch {
    // No GitHub authentication provider here (e.g. a browser-hosted VS Code), or sign-in was cancelled.
    return undefined;
  }
}

/**
 * The login for "My Files": the session's, else — after offering to sign in or to type one — what the person chose.
 * Undefined when they dismissed every prompt.
 */
export async function loginForMyFiles(): Promise<string | undefined> {
  const silent = await signedInLogin(false);
  if (silent) return silent;
  const SIGN_IN = 'Sign in to GitHub';
  const TYPE = 'Type a GitHub login…';
  const choice = await vscode.window.showQuickPick([SIGN_IN, TYPE], { title: 'Kube Shepherd: My Files', placeHolder: 'Not signed in to GitHub: who are you?' });
  if (choice === SIGN_IN) {
    const login = await signedInLogin(true);
    if (login) return login;
    void vscode.window.showWarningMessage('Kube Shepherd: GitHub sign-in is not available here; type your login instead.');
  }
  if (choice === undefined) return undefined;
  const typed = await vscode.window.showInputBox({ title: 'Kube Shepherd: My Files', prompt: 'Your GitHub login', validateInput: (v) => (/^@?[A-Za-z0-9-]+$/.test(v.trim()) ? undefined : 'A GitHub login: letters, digits and dashes') });
  return typed?.trim() || undefined;
}

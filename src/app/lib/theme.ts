/**
 * Light or dark: follows the system setting until the user picks one, and remembers the pick in
 * localStorage on this machine only.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'srd-theme';
const CHANGE_EVENT = 'srd:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The choice made in this page, used when localStorage is blocked (private windows, strict settings). */
let unsavedChoice: ThemeChoice = 'system';

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (THEME_CHOICES as readonly string[]).includes(stored ?? '') ? (stored as ThemeChoice) : 'system';
  } catch {
    return unsavedChoice;
  }
}

function subscribeChoice(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function subscribeSystem(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

export interface Theme {
  choice: ThemeChoice;
  dark: boolean;
  choose: (choice: ThemeChoice) => void;
}

export function useTheme(): Theme {
  const choice = useSyncExternalStore(subscribeChoice, readChoice);
  const systemDark = useSyncExternalStore(subscribeSystem, systemPrefersDark);
  const dark = choice === 'dark' || (choice === 'system' && systemDark);

  // The class sits on <html>, outside React's tree, so it is synchronised here.
  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
  }, [dark]);

  const choose = useCallback((next: ThemeChoice) => {
    unsavedChoice = next;
    try {
      if (next === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts until the page is reloaded.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);

  return { choice, dark, choose };
}

/**
 * Prints in the light theme whatever theme is on screen: dark backgrounds are dropped by most print dialogs,
 * which would leave light text on white paper.
 */
import { useEffect } from 'react';
import { useTheme } from '../lib/theme';

export function usePrintInLightMode(): void {
  const { dark } = useTheme();

  useEffect(() => {
    const root = document.documentElement;
    const beforePrint = () => root.classList.remove('dark');
    const afterPrint = () => root.classList.toggle('dark', dark);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, [dark]);
}

import type { Plugin } from 'vite';
export function minifyCssTemplates(code: string): string;
export function minifyCssTemplatesPlugin(): Plugin;

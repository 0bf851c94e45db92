import type { Plugin } from 'vite';
export function minifyCssTemplates(code: string): string;
export function minifyCssTemplatesPlugin(): Plugin;
export function minifyHtmlTemplates(code: string, fileName?: string): string;

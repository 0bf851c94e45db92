import type { Plugin } from 'vite';
export function minifyCssTemplates(code: string): string;
export function minifyTemplatesPlugin(): Plugin;
export function minifyHtmlTemplates(code: string, fileName?: string): string;

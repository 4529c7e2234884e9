import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  integrations: [
    starlight({
      title: { ru: 'ML-собеседование: справочник', en: 'ML Interview Handbook' },
      defaultLocale: 'root',
      locales: { root: { label: 'Русский', lang: 'ru' }, en: { label: 'English', lang: 'en' } },
    }),
  ],
});

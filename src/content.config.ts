import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

/** UI strings of the handbook components and generated pages (src/content/i18n/<lang>.json). */
const handbookStrings = z
  .object({
    'handbook.answer.show': z.string(),
    'handbook.answer.short': z.string(),
    'handbook.answer.detailed': z.string(),
    'handbook.answer.mistakes': z.string(),
    'handbook.answer.howToSay': z.string(),
    'handbook.answer.none': z.string(),
    'handbook.followUps': z.string(),
    'handbook.meta.label': z.string(),
    'handbook.meta.source': z.string(),
    'handbook.meta.lines': z.string(),
    'handbook.meta.minutes': z.string(),
    'handbook.meta.kind': z.string(),
    'handbook.meta.levels': z.string(),
    'handbook.meta.company': z.string(),
    'handbook.meta.date': z.string(),
    'handbook.level.junior': z.string(),
    'handbook.level.middle': z.string(),
    'handbook.level.senior': z.string(),
    'handbook.page.part': z.string(),
    'handbook.page.sections': z.string(),
    'handbook.home.title': z.string(),
    'handbook.home.description': z.string(),
    'handbook.home.intro': z.string(),
    'handbook.home.totals': z.string(),
    'handbook.home.topics': z.string(),
    'handbook.home.topicCount': z.string(),
    'handbook.home.sourcesLink': z.string(),
    'handbook.sidebar.topics': z.string(),
    'handbook.sources.title': z.string(),
    'handbook.sources.description': z.string(),
    'handbook.sources.intro': z.string(),
    'handbook.sources.file': z.string(),
    'handbook.sources.format': z.string(),
    'handbook.sources.sourceTitle': z.string(),
    'handbook.sources.questions': z.string(),
    'handbook.sources.answers': z.string(),
    'handbook.sources.kept': z.string(),
    'handbook.sources.debris': z.string(),
    'handbook.sources.unplaced': z.string(),
  })
  .partial();

/**
 * Starlight's docs loader (same folder and file pattern) without keeping each page's raw MDX in
 * the data store: nothing reads it, and the store is bundled into the server build (25 MB of
 * MDX at 10,000 questions).
 */
function docsLoaderWithoutBodies(): Loader {
  return {
    name: docsLoader().name,
    load: (context) =>
      glob({
        base: './src/content/docs',
        pattern: '**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}',
        retainBody: false,
      }).load(context),
  };
}

export const collections = {
  docs: defineCollection({ loader: docsLoaderWithoutBodies(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: handbookStrings }) }),
};

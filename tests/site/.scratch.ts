import { buildSite } from './site-build.ts';
import { sampleHandbook } from '../fixtures/emit/handbook.ts';
const b = await buildSite(sampleHandbook());
console.log(b.log.split('\n').filter((l) => /WARN|ERR|error|page\(s\)/i.test(l)).join('\n'));
await b.restore();

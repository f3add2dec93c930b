// Writes version 2 of the Coorace campaign as its organiser would: the
// same file with an 11th proposal, and version 1 kept in
// `earlier_versions` (docs/campaign-file.md), with settings naming it.
// scripts/test builds it into target/dist-coorace-v2 for
// coorace-v2.test.mjs: every link signed under version 1 must still verify.
// Usage: node tests/e2e-campaign/make-coorace-v2.mjs <folder>
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = resolve(process.argv[2] ?? 'target/campaign-coorace-v2');
await mkdir(out, { recursive: true });
const campaign = JSON.parse(await readFile(join(root, 'campaign/coorace-municipales-2020.json'), 'utf8'));
campaign.version = 2;
campaign.proposals.push({
  number: 11,
  title: { fr: 'Une onzième proposition (version de test)', en: 'An eleventh proposal (test version)' },
  short: { fr: 'Onzième', en: 'Eleventh' },
  text: { fr: 'Ajoutée après la version 1, pour les tests.', en: 'Added after version 1, for the tests.' },
  commitments: [{ id: '11.1', text: { fr: "Je m'engage à la lire.", en: 'I commit to read it.' } }],
});
campaign.earlier_versions = [{ version: 1, date: campaign.date, id: '9359', commitments: 20 }];
await writeFile(join(out, 'campaign.json'), `${JSON.stringify(campaign, null, 2)}\n`);
const settings = JSON.parse(await readFile(join(root, 'tests/fixtures/widget-settings.test.json'), 'utf8'));
settings.campaign = relative(root, join(out, 'campaign.json'));
await writeFile(join(out, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
console.log(relative(root, join(out, 'settings.json')));

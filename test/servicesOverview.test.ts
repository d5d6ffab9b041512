// The services view model: what the fixture notes mention, by category, with outdated claims and relations.
import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { ServicesOverviewRequest, type ServicesOverview, type ServicesOverviewParams } from '../server/src/protocol';
import { serverForSuite, type LspSession } from './helpers/lspClient';
import { serviceOver } from './helpers/service';

const FIXTURES = path.join(__dirname, 'fixtures', 'notes');

async function fixtureService() {
  const notes: Record<string, string> = {};
  for (const name of readdirSync(FIXTURES)) {
    notes[`file:///notes/${name === 'network.md' ? 'vpc/' : ''}${name}`] = readFileSync(path.join(FIXTURES, name), 'utf8');
  }
  return serviceOver(loadKnowledge(), notes, 'en');
}

const service = (overview: ServicesOverview, termId: string) =>
  overview.categories.flatMap((c) => c.services).find((s) => s.termId === termId);

describe('services overview', () => {
  it('lists what the notes mention by category, with mentions, notes, folders and outdated claims', async () => {
    const { service: ls } = await fixtureService();
    const overview = await ls.servicesOverview(true);
    assert.deepEqual(
      overview.categories.map((c) => c.label),
      ['Cloud concept', 'Compute', 'Networking', 'Storage'],
    );
    // S3 정리 heading, two S3 claims in stale.md and "S3는" in compute.md; one claim is outdated.
    assert.deepEqual(service(overview, 's3'), {
      termId: 's3',
      name: 'S3',
      category: 'storage',
      mentions: 4,
      notes: 2,
      staleClaims: 1,
      folders: ['file:///notes/'],
    });
    // 보안그룹은, Security Group (compute.md); the heading's two names, SG는, the table header (not the code).
    assert.deepEqual(service(overview, 'security-group'), {
      termId: 'security-group',
      name: 'Security Group',
      category: 'networking',
      mentions: 6,
      notes: 2,
      staleClaims: 0,
      folders: ['file:///notes/', 'file:///notes/vpc/'],
    });
    // The Xen claim counts once: the second is suppressed by its comment.
    assert.equal(service(overview, 'ec2')?.staleClaims, 1);
    const networking = overview.categories.find((c) => c.id === 'networking')!.services;
    assert.deepEqual(
      networking.slice(0, 2).map((s) => s.termId),
      ['security-group', 'network-acl'],
      'most mentioned first',
    );
    assert.equal(service(overview, 'cloudfront'), undefined, 'a misspelling is not a mention');
  });

  it('answers from the index alone, reading no note, until outdated claims are asked for', async () => {
    const { service: ls, workspace } = await fixtureService();
    const reads = workspace.reads;
    const overview = await ls.servicesOverview(false);
    assert.equal(workspace.reads, reads);
    assert.deepEqual([service(overview, 's3')?.mentions, service(overview, 's3')?.staleClaims], [4, undefined]);
    await ls.servicesOverview(true);
    assert.equal(workspace.reads, reads + 3);
    await ls.servicesOverview(true);
    assert.equal(workspace.reads, reads + 3, 'unchanged notes are not read again');
  });

  it('gives the typed relations among mentioned terms, one edge for a relation stated both ways', async () => {
    const { relations, categories } = await (await fixtureService()).service.servicesOverview(true);
    const listed = new Set(categories.flatMap((c) => c.services.map((s) => s.termId)));
    assert.ok(relations.every((r) => listed.has(r.source) && listed.has(r.target)));
    assert.deepEqual(
      relations.filter((r) => [r.source, r.target].includes('ec2') && [r.source, r.target].includes('auto-scaling')),
      [{ source: 'ec2', target: 'auto-scaling', type: 'integrates-with' }],
    );
    assert.ok(relations.some((r) => r.source === 'ebs-gp2' && r.target === 'ebs' && r.type === 'part-of'));
  });

  it('follows rule settings and edits: a claim turned off or fixed no longer counts', async () => {
    const { service: ls, doc } = await fixtureService();
    assert.equal(service(await ls.servicesOverview(true, { 's3-strong-consistency': 'off' }), 's3')?.staleClaims, 0);
    const stale = doc('file:///notes/stale.md');
    ls.documentChanged(TextDocument.update(stale, [{ text: stale.getText().replace('최종 일관성 모델', '강력한 일관성 모델') }], 2));
    const overview = await ls.servicesOverview(true);
    assert.equal(service(overview, 's3')?.staleClaims, 0);
    assert.equal(service(overview, 'ec2')?.staleClaims, 1);
  });
});

describe('services overview over LSP', () => {
  let lsp: LspSession;
  serverForSuite(
    (dir) => cpSync(FIXTURES, dir, { recursive: true }),
    { locale: 'ko' },
    (started) => ({ lsp } = started),
  );

  const overview = (params: ServicesOverviewParams) => lsp.connection.sendRequest(ServicesOverviewRequest, params);

  it('answers in the UI language, first from the index, then with outdated claims counted', async () => {
    const quick = await overview({});
    assert.deepEqual(
      quick.categories.map((c) => c.label),
      ['네트워킹', '스토리지', '컴퓨팅', '클라우드 개념'],
    );
    assert.equal(service(quick, 'security-group')?.name, '보안 그룹');
    assert.equal(service(quick, 'ec2')?.staleClaims, undefined);
    const counted = await overview({ staleClaims: true });
    assert.deepEqual(
      ['s3', 'ec2', 'lambda'].map((id) => service(counted, id)?.staleClaims),
      [1, 1, 0],
    );
  });
});

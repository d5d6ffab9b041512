// The knowledge map's graph model: nodes sized by mentions and coloured by outdated claims, typed edges, filters.
import * as assert from 'node:assert/strict';
import { filterChoices, graphModel, MAX_NODE_SIZE, MIN_NODE_SIZE, STALE_COLORS } from '../client/src/map/graphModel';
import { parseFromMapWebview } from '../client/src/map/messages';
import type { ServicesOverview, ServiceSummary } from '../server/src/protocol';

function service(termId: string, category: string, mentions: number, staleClaims: number, folders: string[]): ServiceSummary {
  return { termId, name: termId.toUpperCase(), category, mentions, notes: 1, staleClaims, folders };
}

const OVERVIEW: ServicesOverview = {
  categories: [
    {
      id: 'compute',
      label: 'Compute',
      services: [service('ec2', 'compute', 100, 0, ['file:///n/']), service('lambda', 'compute', 25, 1, ['file:///n/serverless/'])],
    },
    {
      id: 'storage',
      label: 'Storage',
      services: [
        service('s3', 'storage', 1, 3, ['file:///n/serverless/', 'file:///n/storage/']),
        service('ebs', 'storage', 4, 2, ['file:///n/']),
      ],
    },
  ],
  relations: [
    { source: 'ec2', target: 'ebs', type: 'uses' },
    { source: 'lambda', target: 's3', type: 'integrates-with' },
    { source: 's3', target: 'ebs', type: 'compared-with' },
  ],
};

describe('knowledge map graph', () => {
  it('sizes nodes by mentions (area, relative to the most mentioned) and colours them by outdated claims', () => {
    const { nodes } = graphModel(OVERVIEW);
    assert.deepEqual(
      nodes.map((n) => [n.id, n.label, n.size, n.color]),
      [
        ['ec2', 'EC2', MAX_NODE_SIZE, STALE_COLORS[0]],
        ['lambda', 'LAMBDA', Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2), STALE_COLORS[1]],
        ['s3', 'S3', Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 10), STALE_COLORS[2]],
        ['ebs', 'EBS', Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 5), STALE_COLORS[1]],
      ],
    );
  });

  it('draws every relation between drawn services as a typed edge with a stable id', () => {
    assert.deepEqual(graphModel(OVERVIEW).edges, [
      { id: 'ec2>ebs:uses', source: 'ec2', target: 'ebs', type: 'uses' },
      { id: 'lambda>s3:integrates-with', source: 'lambda', target: 's3', type: 'integrates-with' },
      { id: 's3>ebs:compared-with', source: 's3', target: 'ebs', type: 'compared-with' },
    ]);
  });

  it('filters by category, keeping only edges inside it and sizing against what is left', () => {
    const { nodes, edges } = graphModel(OVERVIEW, { category: 'storage' });
    assert.deepEqual(
      nodes.map((n) => [n.id, n.size]),
      [
        ['s3', Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2)],
        ['ebs', MAX_NODE_SIZE],
      ],
    );
    assert.deepEqual(
      edges.map((e) => e.id),
      ['s3>ebs:compared-with'],
    );
  });

  it('filters by note folder, subfolders included', () => {
    assert.deepEqual(
      graphModel(OVERVIEW, { folder: 'file:///n/serverless/' }).nodes.map((n) => n.id),
      ['lambda', 's3'],
    );
    assert.deepEqual(
      graphModel(OVERVIEW, { folder: 'file:///n/' }).nodes.map((n) => n.id),
      ['ec2', 'lambda', 's3', 'ebs'],
    );
    assert.deepEqual(graphModel(OVERVIEW, { folder: 'file:///elsewhere/' }), { nodes: [], edges: [], matched: 0 });
  });

  it('draws only the most mentioned services past the limit, sized against them, and says how many matched', () => {
    const model = graphModel(OVERVIEW, {}, 2);
    assert.deepEqual(
      model.nodes.map((n) => [n.id, n.size]),
      [
        ['ec2', MAX_NODE_SIZE],
        ['lambda', Math.round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2)],
      ],
    );
    assert.equal(model.matched, 4);
    assert.deepEqual(model.edges, [], 'no edge to a service left out');
    assert.deepEqual(
      graphModel(OVERVIEW, { category: 'storage' }, 2).nodes.map((n) => n.id),
      ['s3', 'ebs'],
      'a filter brings the others in',
    );
  });

  it('offers the categories and every folder of a mentioning note as filter choices', () => {
    assert.deepEqual(filterChoices(OVERVIEW), {
      categories: [
        { id: 'compute', label: 'Compute' },
        { id: 'storage', label: 'Storage' },
      ],
      folders: ['file:///n/', 'file:///n/serverless/', 'file:///n/storage/'],
    });
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseFromMapWebview({ type: 'openTerm', termId: 'ec2' }), { type: 'openTerm', termId: 'ec2' });
    assert.deepEqual(parseFromMapWebview({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.equal(parseFromMapWebview({ type: 'openTerm', termId: 3 }), undefined);
    assert.equal(parseFromMapWebview(null), undefined);
    assert.equal(parseFromMapWebview({ type: 'runCommand' }), undefined);
  });
});

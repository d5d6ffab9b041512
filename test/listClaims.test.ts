// What a user sees of a list that lacks a newer member: an information diagnostic on the list's
// title, quiet neighbours, a re-check when an item changes, and the quiz card that carries it.
import * as assert from 'node:assert/strict';
import { loadKnowledge } from '../server/src/knowledge/loadKnowledge';
import { computeFindings, DiagnosticsCache, diagnosticsContext, type Finding } from '../server/src/features/diagnostics';
import { buildNoteModel } from '../server/src/parse/noteModel';
import { quizOf } from './helpers/quiz';

const knowledge = loadKnowledge();
const checker = diagnosticsContext(knowledge, 'en');
const ELB = 'elb-types-without-gateway-load-balancer';

const at = (f: Finding) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const lists = (text: string, cache?: DiagnosticsCache) =>
  computeFindings(checker, text, buildNoteModel(text), {}, cache).filter((f) => f.listTitle);

const HEADING_LIST = [
  '# Networking',
  '',
  '## Kinds of load balancer',
  '',
  '- ALB : HTTP routing by path',
  '- NLB : static IPs',
  '- CLB : oldest',
  '',
];

describe('lists that lack a newer member', () => {
  it('puts an information diagnostic on the title of a heading list and of a parent item', () => {
    const text = [
      ...HEADING_LIST,
      '## Compute',
      '',
      '- EC2 placement groups',
      '  - cluster: one AZ',
      '  - spread: separate racks',
      '',
    ].join('\n');
    const findings = lists(text);
    assert.deepEqual(findings.map(at), [`${ELB}@2:3-2:25`, 'ec2-placement-strategies-without-partition@10:2-10:22']);
    assert.equal(findings[0].severity, 'information');
    assert.match(findings[0].message, /Gateway Load Balancer/);
    assert.equal(findings[0].blockKind, 'heading');
  });

  it('stays quiet where the section names the newer member, the list is a subset on purpose, or the title is historical', () => {
    const quiet = [
      [...HEADING_LIST, 'GWLB came later, for firewalls.'],
      ['## Kinds of load balancer', '', '- ALB', '- NLB', '  - also see GWLB for appliances'],
      ['## ALB vs NLB', '', '- ALB : layer 7', '- NLB : layer 4'],
      ['## Load balancers for layer 7', '', '- ALB', '- CLB'],
      ['## Load balancer types we used in 2019', '', '- ALB', '- NLB', '- CLB'],
      ['<!-- as-of: 2019 -->', '## Kinds of load balancer', '', '- ALB', '- NLB', '- CLB'],
      ['## Target types', '', '- instance', '- ip', '- alb'],
    ];
    for (const lines of quiet) {
      assert.deepEqual(lists(lines.join('\n')).map(at), [], lines.join(' / '));
    }
  });

  it('leaves a title that states the old count itself to the fact about that count', () => {
    const text = ['## ELB 3가지 유형', '', '- ALB', '- NLB', '- CLB', ''].join('\n');
    const findings = computeFindings(checker, text, buildNoteModel(text));
    assert.deepEqual(findings.map(at), ['elb-load-balancer-types@0:7-0:13']);
  });

  it('re-checks the list when one of its items changes', () => {
    const cache = new DiagnosticsCache();
    const text = HEADING_LIST.join('\n');
    assert.deepEqual(lists(text, cache).map(at), [`${ELB}@2:3-2:25`]);
    const completed = text.replace('- CLB : oldest', '- CLB : oldest\n- GWLB : appliances');
    assert.deepEqual(lists(completed, cache).map(at), []);
    const shortened = text.replace('- NLB : static IPs\n', '').replace('- CLB : oldest', '- Health checks : every 30 seconds');
    assert.deepEqual(lists(shortened, cache).map(at), [], 'one member left is no list of the set');
    assert.deepEqual(lists(text, cache).map(at), [`${ELB}@2:3-2:25`]);
  });

  it('asks no heading card of such a list, whose answer would teach the set without its newer member', () => {
    const text = [
      '# ELB',
      '',
      '## Types of load balancers',
      '',
      '- Application Load Balancer : routes by path',
      '- Network Load Balancer : TCP at low latency',
      '- Classic Load Balancer : the first generation',
      '',
    ].join('\n');
    const quiz = (list: string) => quizOf(knowledge, [{ uri: 'file:///notes/elb.md', text: text + list }], { locale: 'en' });
    assert.deepEqual(
      quiz('').filter((q) => q.kind === 'heading'),
      [],
    );
    assert.equal(
      quiz('- Gateway Load Balancer : third-party appliances\n').find((q) => q.kind === 'heading')?.answer,
      'Application Load Balancer, Network Load Balancer, Classic Load Balancer, Gateway Load Balancer',
    );
  });
});

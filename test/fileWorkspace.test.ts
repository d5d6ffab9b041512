// The file-system workspace reads notes only: regular files whose real path is inside a folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { FileWorkspace } from '../server/src/workspace/fileWorkspace';

describe('file workspace', () => {
  let base: string;
  let notes: string;
  before(() => {
    base = mkdtempSync(path.join(tmpdir(), 'csn-fs-'));
    notes = path.join(base, 'notes');
    mkdirSync(notes);
    mkdirSync(path.join(base, 'private'));
    writeFileSync(path.join(notes, 'ec2.md'), '# EC2');
    writeFileSync(path.join(base, 'private', 'secret.md'), 'secret');
    symlinkSync(path.join(base, 'private', 'secret.md'), path.join(notes, 'link.md'));
    execFileSync('mkfifo', [path.join(notes, 'pipe.md')]);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const read = (file: string) => new FileWorkspace([notes]).readNote(URI.file(file).toString());

  it('reads a note inside its folders', async () => {
    assert.equal(new TextDecoder().decode(await read(path.join(notes, 'ec2.md'))), '# EC2');
  });

  it('refuses a file outside them, directly or through a link, a FIFO, and other schemes', async () => {
    await assert.rejects(read(path.join(base, 'private', 'secret.md')), /outside the workspace folders/);
    await assert.rejects(read(path.join(notes, 'link.md')), /outside the workspace folders/);
    await assert.rejects(read(path.join(notes, 'pipe.md')), /not a regular file/);
    await assert.rejects(new FileWorkspace([notes]).readNote('untitled:Untitled-1'), /not a file on disk/);
  });

  it('lists regular notes only', async () => {
    const listed = (await new FileWorkspace([notes]).listNotes()).map((n) => path.basename(URI.parse(n.uri).fsPath));
    assert.deepEqual(listed.sort(), ['ec2.md']);
  });
});

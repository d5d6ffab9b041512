// A short human label for a note URI: its folder and file name.
import { URI, Utils } from 'vscode-uri';

export function noteLabel(uri: string): string {
  const parsed = URI.parse(uri);
  const folder = Utils.basename(Utils.dirname(parsed));
  const file = Utils.basename(parsed);
  return folder ? `${folder}/${file}` : file;
}

// A minimal DOM for rendering tests: enough for the quiz renderer, and it refuses any HTML parsing
// (innerHTML, outerHTML, insertAdjacentHTML), so a test fails if note text could become markup.

export class FakeText {
  constructor(readonly data: string) {}
}

export class FakeElement {
  className = '';
  readonly attributes = new Map<string, string>();
  children: (FakeElement | FakeText)[] = [];
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeText ? c.data : c.textContent)).join('');
  }
  set textContent(value: string | null) {
    this.children = value ? [new FakeText(value)] : [];
  }
  set innerHTML(_: string) {
    throw new Error('innerHTML is not allowed');
  }
  set outerHTML(_: string) {
    throw new Error('outerHTML is not allowed');
  }
  insertAdjacentHTML(): never {
    throw new Error('insertAdjacentHTML is not allowed');
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  append(...nodes: (FakeElement | FakeText | string)[]): void {
    for (const node of nodes) {
      this.children.push(typeof node === 'string' ? new FakeText(node) : node);
    }
  }
  replaceChildren(...nodes: (FakeElement | FakeText | string)[]): void {
    this.children = [];
    this.append(...nodes);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  click(): void {
    for (const listener of this.listeners.get('click') ?? []) {
      listener();
    }
  }

  /** This element and all elements below it. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }
  byClass(className: string): FakeElement[] {
    return this.all().filter((e) => e.className.split(' ').includes(className));
  }
}

export const fakeDocument = {
  createElement: (tagName: string) => new FakeElement(tagName.toLowerCase()),
  createElementNS: (_namespace: string, tagName: string) => new FakeElement(tagName),
};

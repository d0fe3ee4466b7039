export class Db {
  private rows = 0;
  static async open(url: string): Promise<Db> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (url === 'bad') throw new Error('cannot open');
    return new Db();
  }
  async write(_value: string): Promise<void> {
    await Promise.resolve();
    this.rows += 1;
  }
  async count(): Promise<number> {
    return Promise.resolve(this.rows);
  }
  async close(): Promise<void> {
    await Promise.resolve();
  }
}

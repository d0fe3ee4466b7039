export function setup() {
  throw new Error('setup failed while collecting');
}

/** Nothing global yet; live-status work adds the Redis discovery here. */
export default function setup(): void {}

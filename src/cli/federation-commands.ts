// `curtain federation pin|list`: the peers' log keys this vault checks federated-round bundles against.
import { Option, type Command } from 'commander';
import type { PeerPins } from '../federated/peer-pin-store.ts';

export type OpenFederationVault = () => Promise<{
  vault: { readonly federationPeers: PeerPins };
  close(): Promise<void>;
}>;

export function defineFederationCommands(group: Command, open: OpenFederationVault): void {
  group
    .command('pin')
    .description(
      'pin a region’s log key for federated rounds; pin this vault’s own key (`curtain audit key`) under its region too',
    )
    .argument('<region>', 'the region, as the hub registers it, e.g. eu-west')
    .requiredOption('--public-key <key>', 'that region’s log verifier key (`curtain audit key` on its vault)')
    .addOption(new Option('--as <handle>', 'the operator acting').makeOptionMandatory())
    .action(async (region: string, options: { publicKey: string; as: string }) => {
      const session = await open();
      try {
        const pin = await session.vault.federationPeers.pin(region, options.publicKey, options.as);
        console.log(`pinned ${pin.region} for federated rounds (by ${pin.pinnedBy}, ${pin.pinnedAt})`);
      } finally {
        await session.close();
      }
    });
  group
    .command('list')
    .description('the pinned regions and their keys')
    .action(async () => {
      const session = await open();
      try {
        const pins = await session.vault.federationPeers.all();
        if (pins.size === 0) console.log('no region pinned (curtain federation pin)');
        for (const [region, key] of pins) console.log(`${region}\t${key}`);
      } finally {
        await session.close();
      }
    });
}

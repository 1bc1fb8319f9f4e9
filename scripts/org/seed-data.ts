/**
 * The demo data set: every record carries a Seed_Key__c so that re-seeding upserts the same rows. Each Account's
 * Description says which duplicate-check path it exercises (see docs/scripts.md, "Seed data matrix").
 */
import type { SeedRecord } from '../lib/record-writer.ts';

export interface SeedAccount {
    key: string;
    /** The dedup path this record exists for (printed in docs and in the Account's Description). */
    scenario: string;
    fields: SeedRecord;
}

export interface SeedChild {
    key: string;
    accountKey: string;
    fields: SeedRecord;
}

/** The Account that setup opens at the end: a clean, provisionable record with domain look-alikes. */
export const DEMO_ACCOUNT_KEY = 'ZAL-ACC-ACME';

const us = (city: string, state: string | null, postalCode: string, street: string): SeedRecord => ({
    BillingStreet: street,
    BillingCity: city,
    BillingState: state,
    BillingPostalCode: postalCode,
    BillingCountry: 'US'
});

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
    {
        key: 'ZAL-ACC-ACME',
        scenario: 'Demo account: same company domain as Acme Robotics West (www. vs bare domain)',
        fields: {
            Name: 'Acme Robotics',
            Website: 'https://www.acmerobotics.com',
            Industry: 'Machinery',
            ...us('San Francisco', 'CA', '94105', '500 Howard St')
        }
    },
    {
        key: 'ZAL-ACC-ACME-WEST',
        scenario: 'Same company domain without www. and without scheme (acmerobotics.com)',
        fields: {
            Name: 'Acme Robotics West',
            Website: 'acmerobotics.com',
            Industry: 'Machinery',
            ...us('Portland', 'OR', '97201', '1200 SW Main St')
        }
    },
    {
        key: 'ZAL-ACC-GLOBEX',
        scenario: 'Contact email jane.doe@globex.io also exists on Globex Europe in another case',
        fields: {
            Name: 'Globex Corporation',
            Website: 'https://globex.io',
            Industry: 'Technology',
            ...us('Austin', 'TX', '78701', '100 Congress Ave')
        }
    },
    {
        key: 'ZAL-ACC-GLOBEX-EU',
        scenario: 'Holds Jane.Doe@GLOBEX.IO: same email, different case, different domain on the Account',
        fields: {
            Name: 'Globex Europe GmbH',
            Website: 'https://www.globex.eu',
            Industry: 'Technology',
            BillingStreet: 'Friedrichstr. 68',
            BillingCity: 'Berlin',
            BillingState: null,
            BillingPostalCode: '10117',
            BillingCountry: 'DE'
        }
    },
    {
        key: 'ZAL-ACC-BAKERY',
        scenario: 'Free-mail contact (gmail.com): must not match Sunrise Yoga Studio by domain',
        fields: {
            Name: "Mike's Corner Bakery",
            Website: null,
            Industry: 'Food & Beverage',
            ...us('Eugene', 'OR', '97401', '77 Oak St')
        }
    },
    {
        key: 'ZAL-ACC-YOGA',
        scenario: 'Free-mail contacts (gmail.com, outlook.com): must not match the bakery by domain',
        fields: {
            Name: 'Sunrise Yoga Studio',
            Website: null,
            Industry: 'Healthcare',
            ...us('Boulder', 'CO', '80302', '1901 Pearl St')
        }
    },
    {
        key: 'ZAL-ACC-INITECH',
        scenario: 'Already linked to a Zuora account (Linked): the button shows the link, no second account',
        fields: {
            Name: 'Initech',
            Website: 'https://initech.com',
            Industry: 'Technology',
            ...us('Austin', 'TX', '78758', '4120 Freidrich Ln'),
            Zuora_Account_Id__c: '8ad0887e8f1c4a2b018f2c3d4e5f6a7b',
            Zuora_Account_Number__c: 'A00000042',
            Zuora_Link_Status__c: 'Linked'
        }
    },
    {
        key: 'ZAL-ACC-UMBRELLA',
        scenario: 'US billing address without a state: provisioning must stop with a clear message',
        fields: {
            Name: 'Umbrella Health',
            Website: 'https://umbrellahealth.com',
            Industry: 'Healthcare',
            ...us('Raccoon City', null, '60601', '1 Umbrella Plaza')
        }
    },
    {
        key: 'ZAL-ACC-WAYNE',
        scenario: 'Several possible matches: two Accounts with the same domain and a Contact with the same email',
        fields: {
            Name: 'Wayne Enterprises',
            Website: 'https://www.wayne-enterprises.com',
            Industry: 'Manufacturing',
            ...us('Gotham', 'NJ', '07001', '1007 Mountain Dr')
        }
    },
    {
        key: 'ZAL-ACC-WAYNE-UK',
        scenario: 'Match for Wayne Enterprises by domain (bare domain)',
        fields: {
            Name: 'Wayne Enterprises UK',
            Website: 'wayne-enterprises.com',
            Industry: 'Manufacturing',
            BillingStreet: '1 Canada Square',
            BillingCity: 'London',
            BillingState: null,
            BillingPostalCode: 'E14 5AB',
            BillingCountry: 'GB'
        }
    },
    {
        key: 'ZAL-ACC-WAYNE-FDN',
        scenario: 'Match for Wayne Enterprises by domain (URL with a path) and by contact email (upper case)',
        fields: {
            Name: 'Wayne Foundation',
            Website: 'http://wayne-enterprises.com/foundation',
            Industry: 'Not For Profit',
            ...us('Gotham', 'NJ', '07002', '224 Park Dr')
        }
    },
    {
        key: 'ZAL-ACC-HOOLI',
        scenario: 'No duplicates at all: the clean path from button to Zuora account',
        fields: {
            Name: 'Hooli Labs',
            Website: 'https://hoolilabs.dev',
            Industry: 'Technology',
            ...us('Palo Alto', 'CA', '94301', '2624 Mill St')
        }
    }
];

const contact = (
    key: string,
    accountKey: string,
    firstName: string,
    lastName: string,
    email: string,
    title: string
): SeedChild => ({
    key,
    accountKey,
    fields: { FirstName: firstName, LastName: lastName, Email: email, Title: title }
});

export const SEED_CONTACTS: readonly SeedChild[] = [
    contact(
        'ZAL-CON-ACME-DANA',
        'ZAL-ACC-ACME',
        'Dana',
        'Whitfield',
        'dana.whitfield@acmerobotics.com',
        'Head of Finance'
    ),
    contact(
        'ZAL-CON-ACME-WEST-LEE',
        'ZAL-ACC-ACME-WEST',
        'Lee',
        'Okafor',
        'lee.okafor@AcmeRobotics.com',
        'Operations Manager'
    ),
    contact('ZAL-CON-GLOBEX-JANE', 'ZAL-ACC-GLOBEX', 'Jane', 'Doe', 'jane.doe@globex.io', 'Controller'),
    contact('ZAL-CON-GLOBEX-EU-JANE', 'ZAL-ACC-GLOBEX-EU', 'Jane', 'Doe', 'Jane.Doe@GLOBEX.IO', 'Controller EMEA'),
    contact('ZAL-CON-BAKERY-MIKE', 'ZAL-ACC-BAKERY', 'Mike', 'Baker', 'mike.corner.bakery@gmail.com', 'Owner'),
    contact('ZAL-CON-YOGA-ANA', 'ZAL-ACC-YOGA', 'Ana', 'Reyes', 'sunrise.yoga.ana@gmail.com', 'Owner'),
    contact('ZAL-CON-YOGA-TOM', 'ZAL-ACC-YOGA', 'Tom', 'Reyes', 'tom.reyes@outlook.com', 'Bookkeeper'),
    contact(
        'ZAL-CON-INITECH-PETER',
        'ZAL-ACC-INITECH',
        'Peter',
        'Gibbons',
        'peter.gibbons@initech.com',
        'Software Engineer'
    ),
    contact(
        'ZAL-CON-UMBRELLA-ALICE',
        'ZAL-ACC-UMBRELLA',
        'Alice',
        'Abernathy',
        'alice@umbrellahealth.com',
        'Procurement'
    ),
    contact('ZAL-CON-WAYNE-LUCIUS', 'ZAL-ACC-WAYNE', 'Lucius', 'Fox', 'lucius.fox@wayne-enterprises.com', 'CEO'),
    contact(
        'ZAL-CON-WAYNE-FDN-LUCIUS',
        'ZAL-ACC-WAYNE-FDN',
        'Lucius',
        'Fox',
        'LUCIUS.FOX@wayne-enterprises.com',
        'Trustee'
    ),
    contact('ZAL-CON-HOOLI-GAVIN', 'ZAL-ACC-HOOLI', 'Gavin', 'Belson', 'gavin@hoolilabs.dev', 'Founder')
];

/** Opportunities; CloseDate is relative to the day of seeding. */
export function seedOpportunities(today: Date): SeedChild[] {
    const inDays = (days: number): string => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return [
        {
            key: 'ZAL-OPP-ACME-PLATFORM',
            accountKey: 'ZAL-ACC-ACME',
            fields: {
                Name: 'Acme Robotics - Platform annual',
                StageName: 'Prospecting',
                CloseDate: inDays(30),
                Amount: 24000
            }
        },
        {
            key: 'ZAL-OPP-GLOBEX-STARTER',
            accountKey: 'ZAL-ACC-GLOBEX',
            fields: { Name: 'Globex - Starter plan', StageName: 'Closed Won', CloseDate: inDays(0), Amount: 6000 }
        },
        {
            key: 'ZAL-OPP-HOOLI-GROWTH',
            accountKey: 'ZAL-ACC-HOOLI',
            fields: {
                Name: 'Hooli Labs - Growth plan',
                StageName: 'Negotiation/Review',
                CloseDate: inDays(14),
                Amount: 18000
            }
        }
    ];
}

/**
 * Volume data for performance checks: `count` (≤ 50,000) Accounts (ZAL-VOL-A-000001…) and one Contact each. Every
 * record has its own website domain, postal code and email, so the volume set never matches the demo records.
 */
export function volumeAccounts(count: number): SeedRecord[] {
    return Array.from({ length: count }, (_, i) => {
        const n = String(i + 1).padStart(6, '0');
        return {
            Seed_Key__c: `ZAL-VOL-A-${n}`,
            Name: `Volume Account ${n}`,
            Website: `https://www.vol-${n}.example.com`,
            BillingCity: 'Denver',
            BillingState: 'CO',
            // unique per record, so the standard matching rule (name + city + postal code) never pairs two of them
            BillingPostalCode: String(10_000 + i),
            BillingCountry: 'US'
        };
    });
}

/** Contacts for {@link volumeAccounts}; `accountRef` returns the AccountId or the relationship column. */
export function volumeContacts(count: number, accountRef: (accountKey: string) => SeedRecord): SeedRecord[] {
    return Array.from({ length: count }, (_, i) => {
        const n = String(i + 1).padStart(6, '0');
        return {
            Seed_Key__c: `ZAL-VOL-C-${n}`,
            FirstName: 'Volume',
            LastName: `Contact ${n}`,
            Email: `billing@vol-${n}.example.com`,
            ...accountRef(`ZAL-VOL-A-${n}`)
        };
    });
}

/**
 * The startProvisioning request of the wizard's form: the quantity and its charge only for a per-unit plan, the
 * term lengths only for a TERMED subscription (Apex ProvisioningRequest reads null as "not given").
 */
export function buildRequest(
    accountId: string,
    form: ZuoraPlanForm,
    plan: CatalogPlan | undefined
): ProvisioningRequest {
    const termed = form.termType === 'TERMED';
    const perUnit = Boolean(plan?.requiresQuantity);
    return {
        accountId,
        billToContactId: form.billToContactId as string,
        productRatePlanId: plan?.ratePlanId,
        productRatePlanNumber: plan?.ratePlanNumber ?? null,
        quantity: perUnit ? form.quantity : null,
        productRatePlanChargeId: perUnit ? (plan?.quantityChargeId ?? null) : null,
        termType: form.termType,
        initialTermMonths: termed ? form.initialTermMonths : null,
        renewalTermMonths: termed ? form.renewalTermMonths : null,
        startDate: form.startDate,
        currencyCode: form.currencyCode
    };
}

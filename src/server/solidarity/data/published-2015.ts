// The allocations the European Commission published for its 2015 relocation and resettlement
// proposals, transcribed by hand from the sources named on each table (see README.md). The presets
// are tested against them; nothing here feeds a computation.

/**
 * COM(2015) 451 (9 September 2015), annex: the 120,000 persons to be relocated from Italy (15,600),
 * Greece (50,400) and Hungary (54,000), per receiving State. Figures released by the Commission on
 * 9 September 2015 as reported by AFP ("Refugee quotas: how many will EU countries take?") and AP.
 */
export const SEPTEMBER_2015_ALLOCATIONS_CSV = `member_state,iso3,allocation
Austria,AUT,3640
Belgium,BEL,4564
Bulgaria,BGR,1600
Croatia,HRV,1064
Cyprus,CYP,274
Czech Republic,CZE,2978
Estonia,EST,373
Finland,FIN,2398
France,FRA,24031
Germany,DEU,31443
Latvia,LVA,526
Lithuania,LTU,780
Luxembourg,LUX,440
Malta,MLT,133
Netherlands,NLD,7214
Poland,POL,9287
Portugal,PRT,3074
Romania,ROU,4646
Slovakia,SVK,1502
Slovenia,SVN,631
Spain,ESP,14931
Sweden,SWE,4469
`;

/**
 * COM(2015) 286 (27 May 2015), annex: the 40,000 persons to be relocated from Italy and Greece, for
 * the three States the Commission's announcement named (Euronews, 27 May 2015). The 160,000 of
 * September 2015 are these plus the 120,000 above: Germany 40,206, France 30,783, Spain 19,219.
 */
export const MAY_2015_ALLOCATIONS_CSV = `member_state,iso3,allocation
France,FRA,6752
Germany,DEU,8763
Spain,ESP,4288
`;

/**
 * The 160,000 (40,000 of May plus 120,000 of September 2015) per receiving State, in thousands
 * rounded to one decimal, as the wire agencies' graphic of 9 September 2015 gave them from the
 * Commission's figures (Ireland took part in the May scheme only).
 */
export const SEPTEMBER_2015_PACKAGE_THOUSANDS_CSV = `member_state,iso3,thousands
Austria,AUT,4.8
Belgium,BEL,5.9
Bulgaria,BGR,2.2
Croatia,HRV,1.8
Cyprus,CYP,0.4
Czech Republic,CZE,4.3
Estonia,EST,1.1
Finland,FIN,3.2
France,FRA,30.8
Germany,DEU,40.2
Ireland,IRL,0.6
Latvia,LVA,1.0
Lithuania,LTU,1.3
Luxembourg,LUX,0.8
Malta,MLT,0.4
Netherlands,NLD,9.3
Poland,POL,12.0
Portugal,PRT,4.8
Romania,ROU,6.4
Slovakia,SVK,2.3
Slovenia,SVN,1.1
Spain,ESP,19.2
Sweden,SWE,5.8
`;

/**
 * Commission Recommendation (EU) 2015/914 of 8 June 2015 on a European resettlement scheme
 * (C(2015) 3560, proposed on 27 May 2015): the 20,000 places by the May 2015 key over the 28
 * Member States, for the five largest allocations (ECRE Weekly Bulletin, 5 June 2015).
 */
export const RESETTLEMENT_2015_ALLOCATIONS_CSV = `member_state,iso3,allocation
France,FRA,2375
Germany,DEU,3086
Italy,ITA,1989
Spain,ESP,1549
United Kingdom,GBR,2309
`;

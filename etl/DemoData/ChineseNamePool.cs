namespace Analytics.Etl.DemoData;

/// <summary>Common surnames, given-name characters and place-name syllables for synthetic people and units.</summary>
internal static class ChineseNamePool
{
    // Roughly by frequency in Sichuan: the first ones are drawn far more often.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "罗", "何", "周", "吴", "赵", "徐", "胡", "邓", "曾", "谢", "唐",
        "蒋", "冯", "彭", "郭", "林", "袁", "肖", "马", "余", "雷", "杜", "田", "钟", "廖", "付", "文", "向", "熊",
        "苏", "朱", "孙", "高", "梁", "宋", "郑", "韩", "曹", "程", "蔡", "范", "汪", "任", "姚", "卢", "魏", "欧阳",
    ];

    private static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "波", "宇",
        "浩", "俊", "建", "国", "文", "志", "东", "林", "峰", "成", "龙", "海", "洋", "晨", "博", "帅", "鑫", "毅",
    ];

    private static readonly string[] FemaleGiven =
    [
        "芳", "娟", "敏", "静", "丽", "艳", "燕", "霞", "玲", "婷", "雪", "琳", "洁", "红", "梅", "莉", "兰", "颖",
        "慧", "倩", "佳", "欣", "悦", "瑶", "萍", "丹", "露", "琴", "月", "秀", "英", "娜", "蓉", "晓", "璐", "怡",
    ];

    public static readonly string[] PlaceFirst =
    [
        "东", "西", "南", "北", "金", "银", "玉", "锦", "青", "华", "龙", "凤", "桂", "柳", "桃", "梅", "兰", "竹",
        "松", "柏", "清", "永", "安", "宁", "福", "寿", "康", "泰", "和", "平", "兴", "隆", "盛", "昌", "新", "光",
        "明", "德", "文", "石", "白", "红", "黄", "双", "三", "五", "万", "高", "太", "长",
    ];

    public static readonly string[] PlaceSecond =
    [
        "华", "桥", "坝", "湾", "林", "山", "河", "江", "溪", "塘", "堰", "园", "苑", "门", "井", "铺", "场", "寺",
        "坪", "岗", "岭", "洲", "滩", "池", "沟", "坡", "口", "家", "阳", "泉", "源", "田", "庄", "城", "桥头", "花",
        "丰", "鹤", "云", "水",
    ];

    public static string PersonName(DemoRandom random, bool male)
    {
        var surname = Surnames[Math.Min(Surnames.Length - 1, (int)(Surnames.Length * random.NextDouble() * random.NextDouble() * 1.6))];
        var given = male ? MaleGiven : FemaleGiven;
        return random.Chance(0.3) ? surname + random.Pick(given) : surname + random.Pick(given) + random.Pick(given);
    }

    /// <summary>A two-syllable place name not yet in <paramref name="taken"/> (falls back to a numbered one).</summary>
    public static string PlaceName(DemoRandom random, HashSet<string> taken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var name = random.Pick(PlaceFirst) + random.Pick(PlaceSecond);
            if (taken.Add(name)) return name;
        }
        var numbered = random.Pick(PlaceFirst) + random.Pick(PlaceSecond) + (taken.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        taken.Add(numbered);
        return numbered;
    }
}

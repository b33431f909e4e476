using System.Text;
using BaoPhu.Platform.Text;

namespace BaoPhu.Platform.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Huyện Triệu Sơn", "huyen trieu son")]
    [InlineData("ĐẮK LẮK", "dak lak")]
    [InlineData("Thị xã  Bỉm   Sơn", "thi xa bim son")]
    [InlineData("Phường Cống Vị", "phuong cong vi")]
    public void Fold_VietnameseName_DropsDiacriticsAndCase(string name, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(name));
    }

    [Fact]
    public void Fold_DecomposedAndComposedForms_GiveTheSameKey()
    {
        var composed = "Xã Nghĩa Hưng";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Clean_DecomposedNameWithStraySpaces_BecomesComposedAndTrimmed()
    {
        var cleaned = VietnameseText.Clean("  Thành phố\tThanh  Hóa ".Normalize(NormalizationForm.FormD));

        Assert.Equal("Thành phố Thanh Hóa", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }
}
